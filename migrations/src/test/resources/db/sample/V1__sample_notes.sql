-- a script on the class path
CREATE TABLE sample_notes (id INTEGER PRIMARY KEY, body VARCHAR(100));
