"""Document model: the hardened parser, the canonical serializer, document views and validation."""
