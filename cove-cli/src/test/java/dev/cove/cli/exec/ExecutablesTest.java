package dev.cove.cli.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the program to run, as a shell would. */
class ExecutablesTest {

    @Test
    void locate_findsBareNamesOnPath_andPathsAsGiven() {
        assertThat(Executables.locate("sh", "/nonexistent:/bin:/usr/bin")).isPresent();
        assertThat(Executables.locate("/bin/sh", null)).isPresent();
        assertThat(Executables.locate("sh", "/nonexistent")).isEmpty();
        assertThat(Executables.locate("no-such-program", "/bin:/usr/bin")).isEmpty();
        assertThat(Executables.locate("", "/bin")).isEmpty();
        assertThat(Executables.locate("/etc/passwd", null)).isEmpty();
    }
}
