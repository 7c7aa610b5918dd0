package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Backup codes: the codes themselves only right after (re)generation; otherwise how many remain. */
public class BackupCodes extends JanuaObject {
    public BackupCodes(JsonNode raw) { super(raw); }

    public List<String> codes() { return strings("backupCodes"); }
    public Integer remaining() { return integer("remaining"); }
    public Integer total() { return integer("total"); }
}
