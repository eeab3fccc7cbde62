"""MAE / MAI stand-off XML (Brandeis' annotation and adjudication tools): reading."""
