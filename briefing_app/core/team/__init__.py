"""The team library: one library on a PostgreSQL server, shared by a desk.

The same operations as the local library (SQLite store and Whoosh index) behind the same door,
`Workspace`: `settings` says where the server is and how long to wait, `schema` creates the
tables, `store` holds articles, extraction and user data, `tsquery` translates the query
language, `search` answers queries with snippets, facets and suggestions, `roles` creates who
may do what, `push` copies a local library over and `workspace` puts them behind the door.
"""
