"""ddwizard: practice and purpose due diligence for schools joining a School Trust."""

__version__ = "0.1.0"
