; Inno Setup 6 script: a per-user installer of the one-folder build, no administrator rights needed.
; Build on Windows, from the repository root, after the one-folder build (docs/installing.md):
;     pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\reviewer.spec
;     iscc /DAppVersion=0.1.0 packaging\windows\reviewer.iss
; The program goes to %LOCALAPPDATA%\Programs\reviewer; its data (database, backups, settings, logs) lives apart
; from it in %LOCALAPPDATA%\reviewer, which neither an upgrade nor the uninstaller touches.
; Silent install for software distribution: reviewer-VERSION-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; (add /LOG="path" for a log); silent uninstall: unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Jämställdhetsgranskning"
#define Dist AddBackslash(SourcePath) + "..\..\dist\reviewer"

[Setup]
; The AppId identifies the program for upgrades and uninstall: never change it.
AppId={{6F0E3B1C-7D3A-4E8B-9C52-5A1D2F4B8E17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The reviewer project
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\reviewer
DisableDirPage=yes
UsePreviousAppDir=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}..\..\dist
OutputBaseFilename=reviewer-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\..\resources\icons\reviewer.ico
UninstallDisplayIcon={app}\reviewer.exe
UninstallDisplayName={#AppName}
LicenseFile={#SourcePath}..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open program is asked to close (Restart Manager) so its files can be replaced; it saves every change anyway.
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Swedish wizard text; put the user-contributed Swedish.isl beside this script to get one.
#if FileExists(AddBackslash(SourcePath) + "Swedish.isl")
Name: "sv"; MessagesFile: "{#SourcePath}Swedish.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's folder whole, so no file of the old version lingers. Only {app}: the data
; folder (%LOCALAPPDATA%\reviewer) is elsewhere and never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\reviewer.exe"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\reviewer.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\reviewer.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: uninstalling removes the program, never the reviews. docs/installing.md says how to remove
; the data folder deliberately.
