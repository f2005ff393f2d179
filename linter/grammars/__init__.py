"""pyparsing grammars for the small languages inside resolutions (dates, symbols, numerals).

They run on candidate spans found by fast regular-expression scans, never over a whole file.
"""
