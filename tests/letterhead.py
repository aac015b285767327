"""The masthead of a small Council letter that the document tests build their letters under."""

HEAD = """S/2025/999

United Nations

Security Council

Distr.: General
3 March 2025
Original: English

Letter dated 2 March 2025 from the Permanent Representative of Utopia
to the United Nations addressed to the President of the Security Council
"""
