from seedx.cli import main

main()
