from citeledger.cli import main

main()
