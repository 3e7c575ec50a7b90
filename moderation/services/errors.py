"""The refusal every moderation service raises."""


class ModerationError(Exception):
    """A decision that cannot be made; the message is for the moderator or member."""
