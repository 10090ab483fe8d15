"""The plane's Qt renderer, in small pieces: colours (style), layout in one rectangle
(frame), drawing (paint, legend) and words (describe). The widget (`ui.plane_view`) and the
exports (`ui.plane_export`) both draw through `paint.paint_frame`, so they never differ."""
