"""Konten media sosial JDIH (sop 004): the third procedure on the workflow engine."""
