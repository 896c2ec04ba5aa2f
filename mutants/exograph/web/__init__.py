"""Pictures of what the graph knows: pathway diagrams (Graphviz) and a static website."""
