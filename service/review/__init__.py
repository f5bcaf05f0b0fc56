def init_app(app):
    """Registered by the review issue."""
