package dev.janua.server.rbac;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a role, a member or an API key holds. {@code *} stands for every organization-level
 * permission (the catalogue's and any the application defines) but never a platform one;
 * {@code resource:*} stands for every action on one resource; {@code denied} carves exceptions
 * out of {@code *} (an admin holds {@code *} except {@code organization:delete}).
 */
public final class PermissionSet {
    private static final PermissionSet NONE = new PermissionSet(Set.of(), Set.of(), false);
    private static final PermissionSet EVERYTHING = new PermissionSet(Set.of(PermissionCatalogue.ALL), Set.of(), true);

    private final Set<String> held;
    private final Set<String> denied;
    private final boolean platform;

    private PermissionSet(Set<String> held, Set<String> denied, boolean platform) {
        this.held = Set.copyOf(held);
        this.denied = Set.copyOf(denied);
        this.platform = platform;
    }

    public static PermissionSet of(Collection<String> permissions) {
        return permissions == null || permissions.isEmpty() ? NONE : new PermissionSet(Set.copyOf(permissions), Set.of(), false);
    }

    public static PermissionSet allExcept(Collection<String> denied) {
        return new PermissionSet(Set.of(PermissionCatalogue.ALL), Set.copyOf(denied), false);
    }

    /** A platform admin: every permission, platform ones included. */
    public static PermissionSet everything() {
        return EVERYTHING;
    }

    public static PermissionSet none() {
        return NONE;
    }

    public boolean grants(String permission) {
        if (permission == null || denied.contains(permission)) return false;
        if (platform || held.contains(permission)) return true;
        if (held.contains(PermissionCatalogue.ALL) && !PermissionCatalogue.isPlatform(permission)) return true;
        int colon = permission.indexOf(':');
        return colon > 0 && held.contains(permission.substring(0, colon) + ":*");
    }

    public boolean grantsAll(Collection<String> permissions) {
        return permissions.stream().allMatch(this::grants);
    }

    /** Whether everything {@code other} holds is held here too (granting it would not escalate). */
    public boolean covers(PermissionSet other) {
        if (other.platform && !platform) return false;
        if (other.held.contains(PermissionCatalogue.ALL)
                && !((platform || held.contains(PermissionCatalogue.ALL)) && other.denied.containsAll(denied))) {
            return false;
        }
        return other.held.stream().filter(p -> !p.equals(PermissionCatalogue.ALL)).allMatch(this::grants);
    }

    public PermissionSet plus(Collection<String> extra) {
        if (extra == null || extra.isEmpty()) return this;
        Set<String> all = new LinkedHashSet<>(held);
        all.addAll(extra);
        return new PermissionSet(all, denied, platform);
    }

    /**
     * The permissions to show: {@code *} expanded to the catalogue's organization permissions
     * (minus the exceptions) and kept, so clients see both the concrete list and the wildcard.
     */
    public List<String> listed() {
        Set<String> out = new LinkedHashSet<>();
        if (platform || held.contains(PermissionCatalogue.ALL)) {
            out.add(PermissionCatalogue.ALL);
            PermissionCatalogue.organizationPermissions().stream().filter(p -> !denied.contains(p)).forEach(out::add);
            if (platform) PermissionCatalogue.all().stream().filter(Permission::platform).map(Permission::id).forEach(out::add);
        }
        held.stream().sorted().forEach(out::add);
        return List.copyOf(out);
    }
}
