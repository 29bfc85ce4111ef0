package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The advice on its own: what clients see of failures that the HTTP tests cannot provoke. */
class CommandProblemAdviceTest {

    record Body(String name) {
    }

    @RestController
    static class FailingController {

        @PostMapping("/api/failing")
        String fail(@RequestBody Body body) {
            throw new IllegalStateException("password=hunter2 at jdbc:postgresql://db/ledger");
        }
    }

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().failOnUnknownProperties(true).build();
        mvc = MockMvcBuilders.standaloneSetup(new FailingController())
                .setControllerAdvice(new CommandProblemAdvice())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
                .build();
    }

    @Test
    void anUnexpectedFailureIs500WithAnIncidentAndNoInternals() throws Exception {
        String body = mvc.perform(post("/api/failing").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/internal-error"))
                .andExpect(jsonPath("$.incident").isNotEmpty())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("hunter2", "jdbc", "IllegalStateException", "at com.", "trace");
    }

    @Test
    void springsOwnProblemsGetATypeOfOursAndTheProblemMediaType() throws Exception {
        mvc.perform(post("/api/failing").contentType(MediaType.APPLICATION_XML).content("<name/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"));
    }

    @Test
    void aProblemIsAnsweredAsProblemJsonWhateverTheClientAccepts() throws Exception {
        mvc.perform(post("/api/failing").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content("{\"nme\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("nme"));
    }

    @Test
    void theInstanceIsThePathWhenItIsAWellFormedUriPath() {
        ProblemDetail problem = Problems.of(ProblemKind.NOT_FOUND, "x");
        Problems.setInstance(problem, "/api/projects/%E5%90%89/land");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/projects/%E5%90%89/land"));

        ProblemDetail odd = Problems.of(ProblemKind.NOT_FOUND, "x");
        Problems.setInstance(odd, "/api/projects/a b|c");
        assertThat(odd.getInstance()).isNull();
    }
}
