"""Reading quantities: durations, counted nouns, qualifiers and categories of figures."""
