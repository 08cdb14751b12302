-- String lengths count characters on every database (docs/reliability.md): H2 counts UTF-16
-- units, two for an emoji, so Limber declares its String columns twice as long, and checks the
-- length in characters itself before writing. Written by `limber revision --autogenerate`, whose
-- commented type changes were reviewed and uncommented.
ALTER TABLE "authors" ALTER COLUMN "name" SET DATA TYPE VARCHAR(240);
ALTER TABLE "books" ALTER COLUMN "title" SET DATA TYPE VARCHAR(400);
ALTER TABLE "books" ALTER COLUMN "isbn" SET DATA TYPE VARCHAR(40);
ALTER TABLE "tags" ALTER COLUMN "name" SET DATA TYPE VARCHAR(80);
