"""Other tools' files in and out (Vensim, XMILE/Stella, Kumu, PRSM, Decision Explorer, LOOPY,
GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel), and merging participants' projects.

``formats.import_file`` and ``formats.export_project`` are the doors; each reader fills a
``foreign.ForeignMap`` and ``foreign.build_project`` makes the project; ``merge`` gathers.
"""

from .csv_links import import_csv

__all__ = ["import_csv"]
