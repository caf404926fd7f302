package dev.cove.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":[1,2.5e3,true,false,null,\"x\\\"y\"]}", " { \"Version\" : \"2012-10-17\" } "})
    void problem_whenWellFormed_isNull(String json) {
        assertThat(JsonSyntax.problem(json)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "{\"a\":tru}", "{} x", "\"open", ""})
    void problem_whenMalformed_saysWhere(String json) {
        assertThat(JsonSyntax.problem(json)).contains("at character");
    }
}
