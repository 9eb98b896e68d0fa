"""Looking at records: `seedx show` in the terminal and `seedx report` as one HTML file.

Records carry offsets but not the raw text, so the first job here is to find
that text again (records.py); spans.py turns a record into marks that can be
drawn over it; terminal.py, html.py and svg.py draw them. Nothing here is
imported by the pipeline, and nothing is imported by `seedx --help`.
"""
