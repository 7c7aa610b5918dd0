package dev.janua.server.passkeys.domain;

import java.util.Map;

/**
 * Friendly names for the AAGUIDs the common passkey providers report (from the community list
 * passkeydeveloper/passkey-authenticator-aaguids, a small subset bundled so no network is
 * needed). An all-zero AAGUID — attestation {@code none} on many platforms — has no name.
 */
public final class AuthenticatorNames {
    public static final String ZERO = "00000000-0000-0000-0000-000000000000";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "Google Password Manager"),
            Map.entry("adce0002-35bc-c60a-648b-0b25f1f05503", "Chrome on Mac"),
            Map.entry("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "iCloud Keychain"),
            Map.entry("dd4ec289-e01d-41c9-bb89-70fa845d4bf2", "iCloud Keychain (Managed)"),
            Map.entry("08987058-cadc-4b81-b6e1-30de50dcbe96", "Windows Hello"),
            Map.entry("9ddd1817-af5a-4672-a2b9-3e3dd95000a9", "Windows Hello"),
            Map.entry("6028b017-b1d4-4c02-b4b3-afcdafc96bb2", "Windows Hello"),
            Map.entry("bada5566-a7aa-401f-bd96-45619a55120d", "1Password"),
            Map.entry("d548826e-79b4-db40-a3d8-11116f7e8349", "Bitwarden"),
            Map.entry("531126d6-e717-415c-9320-3d9aa6981239", "Dashlane"),
            Map.entry("b84e4048-15dc-4dd0-8640-f4f60813c8af", "NordPass"),
            Map.entry("0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6", "Keeper"),
            Map.entry("f3809540-7f14-49c1-a8b3-8f813b225541", "Enpass"),
            Map.entry("53414d53-554e-4700-0000-000000000000", "Samsung Pass"),
            Map.entry("fa2b99dc-9e39-4257-8f92-4a30d23c4118", "YubiKey 5 Series (NFC)"),
            Map.entry("cb69481e-8ff7-4039-93ec-0a2729a154a8", "YubiKey 5 Series"),
            Map.entry("ee882879-721c-4913-9775-3dfcce97072a", "YubiKey 5 Series"),
            Map.entry("2fc0579f-8113-47ea-b116-bb5a8db9202a", "YubiKey 5 Series (NFC)"),
            Map.entry("a4e9fc6d-4cbe-4758-b8ba-37598bb5bbaa", "Security Key by Yubico (NFC)"),
            Map.entry("b92c3f9a-c014-4056-887f-140a2501163b", "Security Key by Yubico"),
            Map.entry("ee041bce-25e5-4cdb-8f86-897fd6418464", "Feitian ePass FIDO2"),
            Map.entry("771b48fd-d3d4-4f74-9232-fc157ab0507a", "Edge on Mac"),
            Map.entry("01020304-0506-0708-0102-030405060708", "Chromium virtual authenticator"));

    private AuthenticatorNames() {}

    /** The provider's name, or null when the AAGUID is zero or not in the list. */
    public static String of(String aaguid) {
        return aaguid == null ? null : NAMES.get(aaguid.toLowerCase(java.util.Locale.ROOT));
    }
}
