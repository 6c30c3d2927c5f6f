"""PLM Studio: python main.py [--model M] [--panel P --text T --screenshot out.png]."""
from __future__ import annotations

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
