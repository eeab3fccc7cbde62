"""The review screens: layers side by side, disagreements, adjudication, agreement."""
