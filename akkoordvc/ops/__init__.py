"""Operations on texts: word diff (redline) and amendments; pure functions, no I/O."""
