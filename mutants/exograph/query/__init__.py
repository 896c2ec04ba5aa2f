"""Questions answered from the compiled store, and how their answers are printed."""
