"""Pictures the bot sends: the map of measures, QR codes for flyers, organizer charts.

Pure Python over matplotlib, Pillow and segno; nothing here imports ``telegram``.
"""
