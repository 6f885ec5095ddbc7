"""Drawing diagrams with Qt (QGraphicsScene items), for the screen and for export."""
