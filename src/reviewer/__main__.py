"""`python -m reviewer` behaves exactly like the `reviewer` console script."""

import sys

from reviewer.main import main

sys.exit(main())
