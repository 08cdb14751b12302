// Checks what the goals of invoker.properties did in this project.
def log = new File(basedir, 'build.log').text
def scripts = { String vendor ->
    (new File(basedir, "database/migrations/${vendor}").listFiles() ?: []).findAll { it.name.endsWith('.sql') }
}

def h2 = scripts('h2')
def postgresql = scripts('postgresql')
assert h2.size() == 1 : "one script in database/migrations/h2, found ${h2}"
assert postgresql.size() == 1 : "one script in database/migrations/postgresql, found ${postgresql}"
assert h2[0].name == postgresql[0].name : "the same version in both folders: ${h2[0].name}, ${postgresql[0].name}"
assert h2[0].name ==~ /V\d{14}__create_library\.sql/
assert h2[0].text.contains('-- Dialect: h2')
assert postgresql[0].text.contains('-- Dialect: postgresql')
assert h2[0].text.contains('CREATE TABLE "authors"')
assert postgresql[0].text.contains('CREATE TABLE "books"')
// Neither sqlite nor mariadb has a folder here, so the project does not target them.
assert !new File(basedir, 'database/migrations/sqlite').exists()

assert log.contains("Created database/migrations/h2/${h2[0].name}")
assert log.contains("Created database/migrations/postgresql/${h2[0].name}")
assert log.contains('Migrating h2 database, scripts in database/migrations/h2')
assert log.contains('Applied 1 migration; the database is now at version')
assert log.contains('1 applied, 0 pending.')
assert log.contains('Valid: 1 applied migration matches its script; none pending.')
assert log.contains('The database matches the 2 models.')
assert log.contains('-- com.example.library.Book (books)')
// The H2 file the goals used is the project's, by the default database.url.
assert new File(basedir, 'database/limber.mv.db').exists()
// The program ran on the migrated database.
assert log.contains('1 Dune by Frank Herbert')
return true
