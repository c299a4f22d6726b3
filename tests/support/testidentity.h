#pragma once

// A throwaway self-signed EC client identity made for PayTriage's tests only (CN
// paytriage-test-client, valid 2025-01-01 to 2124-12-31), the same key's certificate that expired
// on 2020-01-02, the key, and the key encrypted with the passphrase "pw". They authenticate
// nothing anywhere. Shared by the client's and the profile checks' tests.

namespace paytriage::test {

inline constexpr char validCertificatePem[] = R"(-----BEGIN CERTIFICATE-----
MIIBQjCB6KADAgECAhRiKqoITgE+PAjtsF50VDt9pcHj8TAKBggqhkjOPQQDAjAg
MR4wHAYDVQQDDBVwYXl0cmlhZ2UtdGVzdC1jbGllbnQwIBcNMjUwMTAxMDAwMDAw
WhgPMjEyNDEyMzEwMDAwMDBaMCAxHjAcBgNVBAMMFXBheXRyaWFnZS10ZXN0LWNs
aWVudDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABPRN5t5JP8eIEdk3xIyLfCad
yud+/Ib8kzR62kJnEKUxXUh35va/ziSvm4jwi88fKKWbMGZYImsHNsW7jVDWYp8w
CgYIKoZIzj0EAwIDSQAwRgIhAK/VsHslhqx5QnlqRl9PPxy7dZ8SpHIFQ4MnhR4d
Hmj8AiEAtLNsV1sNn0Uc8D+ayz8cQJyTpNfQVNj0gGhze3NTnWo=
-----END CERTIFICATE-----
)";
inline constexpr char expiredCertificatePem[] = R"(-----BEGIN CERTIFICATE-----
MIIBPjCB5qADAgECAhRWRQkybQkTYMcYu0zOH2y8xfcMujAKBggqhkjOPQQDAjAg
MR4wHAYDVQQDDBVwYXl0cmlhZ2UtdGVzdC1jbGllbnQwHhcNMjAwMTAxMDAwMDAw
WhcNMjAwMTAyMDAwMDAwWjAgMR4wHAYDVQQDDBVwYXl0cmlhZ2UtdGVzdC1jbGll
bnQwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT0TebeST/HiBHZN8SMi3wmncrn
fvyG/JM0etpCZxClMV1Id+b2v84kr5uI8IvPHyilmzBmWCJrBzbFu41Q1mKfMAoG
CCqGSM49BAMCA0cAMEQCIHFWRJbOnbOfkNOqZchn0203nEGunqm8BgDGJpNlhtw+
AiAh9kcrdbF8Io6Qqcre2m4rlEsYqmV9tPdgeRxXOiyYtA==
-----END CERTIFICATE-----
)";
inline constexpr char clientKeyPem[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgb6XpidO0+dYDZaaA
TZ09JyPuhpzQnXVE8jR9A5yNmgmhRANCAAT0TebeST/HiBHZN8SMi3wmncrnfvyG
/JM0etpCZxClMV1Id+b2v84kr5uI8IvPHyilmzBmWCJrBzbFu41Q1mKf
-----END PRIVATE KEY-----
)";
inline constexpr char encryptedClientKeyPem[] = R"(-----BEGIN ENCRYPTED PRIVATE KEY-----
MIH0MF8GCSqGSIb3DQEFDTBSMDEGCSqGSIb3DQEFDDAkBBDmNB36qIzTsWSE58Fs
AMrYAgIIADAMBggqhkiG9w0CCQUAMB0GCWCGSAFlAwQBKgQQMzebsJqM1TFHqAAo
bDqD8gSBkHCtmZvJ0yhnaU1stF2DV/K93ag/xjchOeGL2/pVf2rGq4h/z9lgBScO
klaIehXFfhy+fH5qizuM/7fWCWmDbSzLKUFAVws5IkIrMidxbA04N0WY59svQZoc
qLpIEUL9UqHxHzYwgytx407UW6fWEY5PLnD229PA35B4GssRYqqsUJ+CEfRoE6pL
cmtapFTXww==
-----END ENCRYPTED PRIVATE KEY-----
)";

} // namespace paytriage::test
