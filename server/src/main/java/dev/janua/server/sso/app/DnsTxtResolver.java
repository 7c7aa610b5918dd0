package dev.janua.server.sso.app;

import java.util.List;

/** The TXT records of a DNS name: the seam domain verification looks through (JNDI's DNS client by default). */
public interface DnsTxtResolver {
    /** The record strings at {@code name}; empty when there are none or the name does not exist. */
    List<String> txt(String name);
}
