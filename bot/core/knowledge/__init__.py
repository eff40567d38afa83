"""The FAQ knowledge base: entries per language, loaded from `knowledge/`, and the search that
answers members' questions from them."""
