"""TwinDesk: partner cities, delegation visits and aid shipments."""

__version__ = "0.1.0"
APP_NAME = "TwinDesk"
