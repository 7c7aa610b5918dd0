package dev.janua.server.audit.web;

import dev.janua.server.audit.AuditEntry;
import tools.jackson.databind.json.JsonMapper;

/** CSV rows of the audit export (RFC 4180 quoting; cells that a spreadsheet would run as formulas are defused). */
final class AuditCsv {
    static final String HEADER = "id,position,timestamp,eventType,userId,actorId,subjectId,organizationId,ipAddress,userAgent,"
            + "requestId,riskScore,details,hashChain,verified\n";

    private AuditCsv() {}

    static String line(AuditEntry e, JsonMapper json) {
        return String.join(",", cell(e.id()), Long.toString(e.position()), cell(e.timestamp().toString()), cell(e.eventType()),
                cell(e.userId()), cell(e.actorId()), cell(e.subjectId()), cell(e.organizationId()), cell(e.ipAddress()),
                cell(e.userAgent()), cell(e.requestId()), e.risk() == null ? "" : Integer.toString(e.risk().score()),
                cell(json.writeValueAsString(e.details())), cell(e.hashChain()), Boolean.toString(e.verified())) + "\n";
    }

    static String cell(String v) {
        if (v == null) return "";
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
