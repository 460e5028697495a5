"""The few style rules the widgets share."""

ERROR_STYLE = "color: #a4000f;"
