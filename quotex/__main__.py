"""python -m quotex"""

from quotex.cli import main

main()
