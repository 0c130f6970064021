package dev.kconfig4j.solve;

import java.util.List;

/**
 * The answer to a list of requests: a verified solution, or the conflict that rules it out.
 *
 * @param requests what was asked
 * @param solution the verified solution, or null
 * @param conflict why there is none, or null when solved
 * @param candidates how many candidate answers the solver proposed before one was verified
 * @param millis how long solving took
 */
public record Answer(List<Request> requests, Solution solution, Conflict conflict, int candidates, long millis) {
    public Answer {
        requests = List.copyOf(requests);
    }

    public boolean solved() {
        return solution != null;
    }
}
