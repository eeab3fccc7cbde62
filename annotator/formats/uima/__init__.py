"""UIMA CAS XMI, INCEpTION's default import and export format, through dkpro-cassis."""
