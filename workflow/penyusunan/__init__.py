"""Penyusunan Keputusan (sop 003): the second procedure on the workflow engine."""
