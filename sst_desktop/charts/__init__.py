"""Charts drawn with matplotlib from frozen data, no Qt and no ORM: the same figure goes on
screen (the UI wraps it in a Qt canvas) and into the PDFs (as an image)."""
