#!/usr/bin/env bash
# Compiles the bookstore's models and a small main with the system javac — no Maven plugin, no
# IDE — with the limber-processor jar alone on -processorpath, then runs it on in-memory H2.
# Proves the processor works under plain javac and its output runs. Exits non-zero on failure.
#
# Jars: LIMBER_RUNTIME_JAR / LIMBER_PROCESSOR_JAR if set, else this checkout's runtime/target and
# processor/target (after `mvn package` or `mvn verify`), else ~/.m2 (after `mvn install`).
# The runtime's dependencies (HikariCP, slf4j-api, h2) come from `mvn dependency:build-classpath`;
# pass Maven flags such as -o in MAVEN_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=0.1.0-SNAPSHOT
repo="${MAVEN_REPO:-$HOME/.m2/repository}"

find_jar() { # module, artifactId
    local built="$root/$1/target/$2-$version.jar" installed="$repo/dev/limber/$2/$version/$2-$version.jar"
    if [[ -f $built ]]; then echo "$built"; elif [[ -f $installed ]]; then echo "$installed"; else
        echo "plain-javac: no $2 jar in $1/target or $repo; run 'mvn -B -q install -DskipTests' first" >&2; return 1; fi
}
runtime_jar="${LIMBER_RUNTIME_JAR:-$(find_jar runtime limber-runtime)}"
processor_jar="${LIMBER_PROCESSOR_JAR:-$(find_jar processor limber-processor)}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2086 # MAVEN_FLAGS is a list of flags
mvn -B -q ${MAVEN_FLAGS:-} -f runtime/pom.xml dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$work/deps.txt" >&2
classpath="$runtime_jar:$(cat "$work/deps.txt")"

echo "plain-javac: javac $(javac -version 2>&1 | cut -d' ' -f2), processor path: $processor_jar"
mkdir -p "$work/classes"
javac --release 17 -Xlint:all,-processing -Werror \
    -processorpath "$processor_jar" \
    -cp "$classpath" \
    -d "$work/classes" \
    samples/src/main/java/dev/limber/samples/bookstore/Author.java \
    samples/src/main/java/dev/limber/samples/bookstore/Book.java \
    samples/src/main/java/dev/limber/samples/bookstore/Tag.java \
    samples/src/main/java/dev/limber/samples/bookstore/BookTag.java \
    samples/src/plain-javac/dev/limber/samples/plainjavac/PlainJavac.java

# The processor must have written the metamodel, the mappers, the registry and the DDL.
for generated in dev/limber/samples/bookstore/Book_.class dev/limber/samples/bookstore/Book_Mapper.class \
        META-INF/services/dev.limber.database.ModelRegistry META-INF/limber/schema/h2.sql; do
    [[ -f "$work/classes/$generated" ]] || { echo "plain-javac: the processor did not write $generated" >&2; exit 1; }
done

java -cp "$work/classes:$classpath" dev.limber.samples.plainjavac.PlainJavac "jdbc:h2:mem:plain-javac"
