"""ocr: page images -> words with boxes and confidences -> the same lines as a PDF's text layer.

Part of the read stage for scans: image-only PDF pages, pages whose text layer is garbage (an old
OCR layer, private-use glyphs), and image files (PNG, TIFF, JPEG). Tesseract reads the page; its
words keep their boxes, so the layout, repair, structure and cite stages run on a scan as on a
born-digital PDF.
"""
