"""Entry point of the standalone build: the same `ssm-studio` command as a pip install."""

import multiprocessing
import sys

from ssm_studio.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
