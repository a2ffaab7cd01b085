"""The window: Qt models, views and workers over the core's Workspace."""
