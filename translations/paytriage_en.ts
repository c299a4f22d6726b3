<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>paytriage::ApiError</name>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (after %1 attempts)</translation>
    </message>
    <message>
        <source>The base URL "%1" is not a valid address.</source>
        <translation>The base URL "%1" is not a valid address.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only to this computer (loopback); use https:// for %1.</source>
        <translation>Plain http:// is allowed only to this computer (loopback); use https:// for %1.</translation>
    </message>
    <message>
        <source>No secret key: set one in the profile or in PAYTRIAGE_SECRET_KEY.</source>
        <translation>No secret key: set one in the profile or in PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>The provider did not accept the secret key (HTTP 401%1). Check the key of this profile: test and live keys differ, and the key must be a secret key (…_sk_…), not a client key.</source>
        <translation>The provider did not accept the secret key (HTTP 401%1). Check the key of this profile: test and live keys differ, and the key must be a secret key (…_sk_…), not a client key.</translation>
    </message>
    <message>
        <source>The provider is limiting requests (HTTP 429)%1. Wait a minute and try again, or lower the request rate.</source>
        <translation>The provider is limiting requests (HTTP 429)%1. Wait a minute and try again, or lower the request rate.</translation>
    </message>
    <message>
        <source>The provider had an internal error (HTTP %1%2)%3. It is usually temporary: try again in a few minutes; if it persists, check the provider's status page.</source>
        <translation>The provider had an internal error (HTTP %1%2)%3. It is usually temporary: try again in a few minutes; if it persists, check the provider's status page.</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 with %2: %3</source>
        <translation>The provider answered HTTP %1 with %2: %3</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 without an error code.</source>
        <translation>The provider answered HTTP %1 without an error code.</translation>
    </message>
    <message>
        <source>No complete answer arrived in time%1. The provider or the network is slow: try again, and for long periods of transactions or settlements query a shorter range.</source>
        <translation>No complete answer arrived in time%1. The provider or the network is slow: try again, and for long periods of transactions or settlements query a shorter range.</translation>
    </message>
    <message>
        <source>The secure connection failed (%1). PayTriage does not ignore certificate errors: check the system clock, a proxy that intercepts TLS, or the base URL of the profile.</source>
        <translation>The secure connection failed (%1). PayTriage does not ignore certificate errors: check the system clock, a proxy that intercepts TLS, or the base URL of the profile.</translation>
    </message>
    <message>
        <source>The provider could not be reached (%1)%2. Check the network connection, a proxy or firewall, and the base URL of the profile.</source>
        <translation>The provider could not be reached (%1)%2. Check the network connection, a proxy or firewall, and the base URL of the profile.</translation>
    </message>
    <message>
        <source>The provider redirected the request to another host; PayTriage did not follow it, so the secret key was not sent there. Check the base URL of the profile.</source>
        <translation>The provider redirected the request to another host; PayTriage did not follow it, so the secret key was not sent there. Check the base URL of the profile.</translation>
    </message>
    <message>
        <source>The answer is larger than the limit (%1) and was not read to the end. Query a shorter period.</source>
        <translation>The answer is larger than the limit (%1) and was not read to the end. Query a shorter period.</translation>
    </message>
    <message>
        <source>The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; try again and check the base URL.</source>
        <translation>The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; try again and check the base URL.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Canceled.</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseFetcher</name>
    <message>
        <source>payment</source>
        <translation>payment</translation>
    </message>
    <message>
        <source>transactions</source>
        <translation>transactions</translation>
    </message>
    <message>
        <source>settlements</source>
        <translation>settlements</translation>
    </message>
    <message>
        <source>in-app order status</source>
        <translation>in-app order status</translation>
    </message>
</context>
<context>
    <name>paytriage::Decoder</name>
    <message>
        <source>An invisible byte order mark (BOM) at the start of the text (line %1, column %2) was ignored.</source>
        <translation>An invisible byte order mark (BOM) at the start of the text (line %1, column %2) was ignored.</translation>
    </message>
    <message>
        <source>Text that is not JSON at line %1, column %2 was skipped: %3</source>
        <translation>Text that is not JSON at line %1, column %2 was skipped: %3</translation>
    </message>
    <message>
        <source>The key at line %1, column %2 had no quotes around it and was read as a string: %3</source>
        <translation>The key at line %1, column %2 had no quotes around it and was read as a string: %3</translation>
    </message>
    <message>
        <source>The string in single quotes at line %1, column %2 was read as a normal JSON string: %3</source>
        <translation>The string in single quotes at line %1, column %2 was read as a normal JSON string: %3</translation>
    </message>
    <message>
        <source>Curly quotes (“ ” or ‘ ’) around the string at line %1, column %2 were read as straight quotes: %3</source>
        <translation>Curly quotes (“ ” or ‘ ’) around the string at line %1, column %2 were read as straight quotes: %3</translation>
    </message>
    <message>
        <source>An extra comma with no value after it at line %1, column %2 was ignored: %3</source>
        <translation>An extra comma with no value after it at line %1, column %2 was ignored: %3</translation>
    </message>
    <message>
        <source>A comment at line %1, column %2 was ignored: %3</source>
        <translation>A comment at line %1, column %2 was ignored: %3</translation>
    </message>
    <message>
        <source>Another JSON value starts at line %1, column %2; it is shown as a separate document: %3</source>
        <translation>Another JSON value starts at line %1, column %2; it is shown as a separate document: %3</translation>
    </message>
    <message>
        <source>The JavaScript value at line %1, column %2 is not JSON and was read as null: %3</source>
        <translation>The JavaScript value at line %1, column %2 is not JSON and was read as null: %3</translation>
    </message>
    <message>
        <source>The number at line %1, column %2 does not fit in a 64-bit integer; it was kept as a decimal number and may be rounded: %3</source>
        <translation>The number at line %1, column %2 does not fit in a 64-bit integer; it was kept as a decimal number and may be rounded: %3</translation>
    </message>
    <message>
        <source>A comma was missing before the value at line %1, column %2 and was added: %3</source>
        <translation>A comma was missing before the value at line %1, column %2 and was added: %3</translation>
    </message>
    <message>
        <source>The text is empty or contains only white space. Paste a JSON response, a request body or a log excerpt.</source>
        <translation>The text is empty or contains only white space. Paste a JSON response, a request body or a log excerpt.</translation>
    </message>
    <message>
        <source>The text ends before the JSON is complete (line %1, column %2, after “%3”). The paste may have been cut off: copy the whole response again.</source>
        <translation>The text ends before the JSON is complete (line %1, column %2, after “%3”). The paste may have been cut off: copy the whole response again.</translation>
    </message>
    <message>
        <source>The JSON is not valid at line %1, column %2: expected %3 near “%4”. Fix the text at that spot, or copy the original response again.</source>
        <translation>The JSON is not valid at line %1, column %2: expected %3 near “%4”. Fix the text at that spot, or copy the original response again.</translation>
    </message>
    <message>
        <source>The text contains bytes that are not valid UTF-8 at line %1, column %2, near “%3”. Save the text as UTF-8 (not EUC-KR or CP949) and paste it again.</source>
        <translation>The text contains bytes that are not valid UTF-8 at line %1, column %2, near “%3”. Save the text as UTF-8 (not EUC-KR or CP949) and paste it again.</translation>
    </message>
    <message>
        <source>The text contains a NUL character at line %1, column %2, near “%3”. It is probably binary data or UTF-16 text: save it as UTF-8 and paste it again.</source>
        <translation>The text contains a NUL character at line %1, column %2, near “%3”. It is probably binary data or UTF-16 text: save it as UTF-8 and paste it again.</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply at line %1, column %2 (expected %3), near “%4”. API responses are never this deep: check that the right text was pasted.</source>
        <translation>The JSON is nested too deeply at line %1, column %2 (expected %3), near “%4”. API responses are never this deep: check that the right text was pasted.</translation>
    </message>
    <message>
        <source>The text is longer than %1 bytes, more than can be analysed at once. Paste only the part you need, such as a single API response.</source>
        <translation>The text is longer than %1 bytes, more than can be analysed at once. Paste only the part you need, such as a single API response.</translation>
    </message>
    <message>
        <source>No JSON object or array was found in the text. Paste the JSON part of the response or log; text around it may stay.</source>
        <translation>No JSON object or array was found in the text. Paste the JSON part of the response or log; text around it may stay.</translation>
    </message>
    <message>
        <source>The JSON is not valid at line %1, column %2, near “%3”. Fix the text at that spot, or copy the original response again.</source>
        <translation>The JSON is not valid at line %1, column %2, near “%3”. Fix the text at that spot, or copy the original response again.</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply at line %1, column %2, near “%3”. API responses are never this deep: check that the right text was pasted.</source>
        <translation>The JSON is nested too deeply at line %1, column %2, near “%3”. API responses are never this deep: check that the right text was pasted.</translation>
    </message>
    <message>
        <source>a value (an object, an array, a string, a number, true, false or null)</source>
        <translation>a value (an object, an array, a string, a number, true, false or null)</translation>
    </message>
    <message>
        <source>a comma or ]</source>
        <translation>a comma or ]</translation>
    </message>
    <message>
        <source>a comma or }</source>
        <translation>a comma or }</translation>
    </message>
    <message>
        <source>a closing ]</source>
        <translation>a closing ]</translation>
    </message>
    <message>
        <source>a key in double quotes or }</source>
        <translation>a key in double quotes or }</translation>
    </message>
    <message>
        <source>a key in double quotes</source>
        <translation>a key in double quotes</translation>
    </message>
    <message>
        <source>a key or }</source>
        <translation>a key or }</translation>
    </message>
    <message>
        <source>a key</source>
        <translation>a key</translation>
    </message>
    <message>
        <source>a colon after the key</source>
        <translation>a colon after the key</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>the end of the text</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>a digit</translation>
    </message>
    <message>
        <source>a valid escape sequence such as \n, \" or \u00E9</source>
        <translation>a valid escape sequence such as \n, \" or \u00E9</translation>
    </message>
    <message>
        <source>four hexadecimal digits after \u</source>
        <translation>four hexadecimal digits after \u</translation>
    </message>
    <message>
        <source>a complete surrogate pair (\uD800 to \uDBFF followed by \uDC00 to \uDFFF)</source>
        <translation>a complete surrogate pair (\uD800 to \uDBFF followed by \uDC00 to \uDFFF)</translation>
    </message>
    <message>
        <source>a closing quote (line breaks and tabs inside a string must be written as \n and \t)</source>
        <translation>a closing quote (line breaks and tabs inside a string must be written as \n and \t)</translation>
    </message>
    <message>
        <source>Part of the data is missing at line %1, column %2 (“%3”); only the complete values before it are shown. Copy the whole response again to see everything.</source>
        <translation>Part of the data is missing at line %1, column %2 (“%3”); only the complete values before it are shown. Copy the whole response again to see everything.</translation>
    </message>
</context>
<context>
    <name>paytriage::TextReport</name>
    <message>
        <source>%1 document(s) (%2)</source>
        <translation>%1 document(s) (%2)</translation>
    </message>
    <message>
        <source>%1 critical, %2 warning, %3 info</source>
        <translation>%1 critical, %2 warning, %3 info</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>Nothing at warning or above.</source>
        <translation>Nothing at warning or above.</translation>
    </message>
    <message>
        <source>Repairs made to read the text</source>
        <translation>Repairs made to read the text</translation>
    </message>
    <message>
        <source>(%1 more like it)</source>
        <translation>(%1 more like it)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>×%1 records</source>
        <translation>×%1 records</translation>
    </message>
    <message>
        <source>Timeline (KST)</source>
        <translation>Timeline (KST)</translation>
    </message>
    <message>
        <source>… %1 more events not shown</source>
        <translation>… %1 more events not shown</translation>
    </message>
    <message>
        <source>* no offset in the source; read as KST</source>
        <translation>* no offset in the source; read as KST</translation>
    </message>
</context>
<context>
    <name>paytriage::cli</name>
    <message>
        <source>Decode and analyse Toss Payments API responses: a payment, transactions, settlements, an in-app order status, an error or a webhook, pasted or saved as text. Lenient about what people paste (console.log output, curly quotes, comments, several objects in a row, JSON inside prose).</source>
        <translation>Decode and analyse Toss Payments API responses: a payment, transactions, settlements, an in-app order status, an error or a webhook, pasted or saved as text. Lenient about what people paste (console.log output, curly quotes, comments, several objects in a row, JSON inside prose).</translation>
    </message>
    <message>
        <source>Language of findings and messages: ko or en.</source>
        <translation>Language of findings and messages: ko or en.</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Output format: text (default) or json.</translation>
    </message>
    <message>
        <source>Analyse as if it were this time (ISO 8601, e.g. 2025-04-02T08:50:00+09:00): time-based rules then read this clock.</source>
        <translation>Analyse as if it were this time (ISO 8601, e.g. 2025-04-02T08:50:00+09:00): time-based rules then read this clock.</translation>
    </message>
    <message>
        <source>The file to analyse, or - for standard input.</source>
        <translation>The file to analyse, or - for standard input.</translation>
    </message>
    <message>
        <source>Unknown format "%1": use text or json.</source>
        <translation>Unknown format "%1": use text or json.</translation>
    </message>
    <message>
        <source>Cannot read the time "%1": write it like 2025-04-02T08:50:00+09:00.</source>
        <translation>Cannot read the time "%1": write it like 2025-04-02T08:50:00+09:00.</translation>
    </message>
    <message>
        <source>Name one file to analyse, or - to read standard input. See: paytriage-cli analyze --help</source>
        <translation>Name one file to analyse, or - to read standard input. See: paytriage-cli analyze --help</translation>
    </message>
    <message>
        <source>The catalog override %1 is not valid JSON and was ignored.</source>
        <translation>The catalog override %1 is not valid JSON and was ignored.</translation>
    </message>
    <message>
        <source>%1: no such file. Check the path.</source>
        <translation>%1: no such file. Check the path.</translation>
    </message>
    <message>
        <source>%1 is a folder; name a file.</source>
        <translation>%1 is a folder; name a file.</translation>
    </message>
    <message>
        <source>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Large transaction or settlement dumps are analysed when the file is a single JSON array; otherwise split the file.</source>
        <translation>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Large transaction or settlement dumps are analysed when the file is a single JSON array; otherwise split the file.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>unknown command "%1".</source>
        <translation>unknown command "%1".</translation>
    </message>
    <message>
        <source>Explain Toss Payments error codes: meaning, likely causes, what to check, who has to act and the HTTP status.</source>
        <translation>Explain Toss Payments error codes: meaning, likely causes, what to check, who has to act and the HTTP status.</translation>
    </message>
    <message>
        <source>One or more error codes, e.g. NOT_FOUND_PAYMENT.</source>
        <translation>One or more error codes, e.g. NOT_FOUND_PAYMENT.</translation>
    </message>
    <message>
        <source>Name at least one error code, e.g. paytriage-cli explain NOT_FOUND_PAYMENT</source>
        <translation>Name at least one error code, e.g. paytriage-cli explain NOT_FOUND_PAYMENT</translation>
    </message>
    <message>
        <source>%1 is not in the catalog. Toss Payments adds codes without notice: check the message that came with it, or add the code to the catalog override.</source>
        <translation>%1 is not in the catalog. Toss Payments adds codes without notice: check the message that came with it, or add the code to the catalog override.</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Likely causes</source>
        <translation>Likely causes</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>What to check</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Who acts</translation>
    </message>
    <message>
        <source>Note: the sources disagree or are silent on part of this entry.</source>
        <translation>Note: the sources disagree or are silent on part of this entry.</translation>
    </message>
    <message>
        <source>Show where the catalog override file goes, or print the catalog in effect.</source>
        <translation>Show where the catalog override file goes, or print the catalog in effect.</translation>
    </message>
    <message>
        <source>Print the path of the user's catalog override file.</source>
        <translation>Print the path of the user's catalog override file.</translation>
    </message>
    <message>
        <source>Print the catalog in effect (built-in merged with the override) as JSON.</source>
        <translation>Print the catalog in effect (built-in merged with the override) as JSON.</translation>
    </message>
    <message>
        <source>Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the payment, its transactions and its settlements. Read-only: nothing that moves money is called. The secret key comes from the environment variable PAYTRIAGE_SECRET_KEY, never from the command line.</source>
        <translation>Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the payment, its transactions and its settlements. Read-only: nothing that moves money is called. The secret key comes from the environment variable PAYTRIAGE_SECRET_KEY, never from the command line.</translation>
    </message>
    <message>
        <source>The merchant's orderId.</source>
        <translation>The merchant's orderId.</translation>
    </message>
    <message>
        <source>The paymentKey.</source>
        <translation>The paymentKey.</translation>
    </message>
    <message>
        <source>API base URL (default https://api.tosspayments.com; http:// only to this computer).</source>
        <translation>API base URL (default https://api.tosspayments.com; http:// only to this computer).</translation>
    </message>
    <message>
        <source>Send this TossPayments-API-Version header.</source>
        <translation>Send this TossPayments-API-Version header.</translation>
    </message>
    <message>
        <source>An orderId or paymentKey (kind detected) instead of the options.</source>
        <translation>An orderId or paymentKey (kind detected) instead of the options.</translation>
    </message>
    <message>
        <source>Name the payment: --order-id ID or --payment-key KEY.</source>
        <translation>Name the payment: --order-id ID or --payment-key KEY.</translation>
    </message>
    <message>
        <source>Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON line per id on standard output as each finishes; progress and failures on standard error; a failed id never stops the others. The secret key comes from PAYTRIAGE_SECRET_KEY.</source>
        <translation>Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON line per id on standard output as each finishes; progress and failures on standard error; a failed id never stops the others. The secret key comes from PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>Lookups in flight at once (default 4).</source>
        <translation>Lookups in flight at once (default 4).</translation>
    </message>
    <message>
        <source>At most this many lookups started per second (default: no limit).</source>
        <translation>At most this many lookups started per second (default: no limit).</translation>
    </message>
    <message>
        <source>CSV column holding the ids (default: orderId or paymentKey, else the first).</source>
        <translation>CSV column holding the ids (default: orderId or paymentKey, else the first).</translation>
    </message>
    <message>
        <source>Also fetch each payment's transactions and settlements, as lookup does (slower: those are merchant-wide lists). By default only the payments are fetched.</source>
        <translation>Also fetch each payment's transactions and settlements, as lookup does (slower: those are merchant-wide lists). By default only the payments are fetched.</translation>
    </message>
    <message>
        <source>The ids, or - for standard input.</source>
        <translation>The ids, or - for standard input.</translation>
    </message>
    <message>
        <source>Name one file of ids, or - to read standard input.</source>
        <translation>Name one file of ids, or - to read standard input.</translation>
    </message>
    <message>
        <source>--concurrency takes a whole number from 1 to 64.</source>
        <translation>--concurrency takes a whole number from 1 to 64.</translation>
    </message>
    <message>
        <source>--rate takes a number of lookups per second above 0.</source>
        <translation>--rate takes a number of lookups per second above 0.</translation>
    </message>
    <message>
        <source>No ids found in %1.</source>
        <translation>No ids found in %1.</translation>
    </message>
    <message>
        <source>%1 repeated ids are looked up once.</source>
        <translation>%1 repeated ids are looked up once.</translation>
    </message>
    <message>
        <source>%1 of %2 done, %3 failed</source>
        <translation>%1 of %2 done, %3 failed</translation>
    </message>
    <message>
        <source>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  lookup ID        fetch a payment, its transactions and settlements, and analyse them
  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command's options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed.
</source>
        <translation>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  lookup ID        fetch a payment, its transactions and settlements, and analyse them
  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command's options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed.
</translation>
    </message>
</context>
<context>
    <name>paytriage::sandbox</name>
    <message numerus="yes">
        <source>paytriage-sandbox: %1 generated payments (%n day(s) × %2 from %3), %4 transactions, %5 settlement rows; ready in %6 ms. Ctrl+C stops it.
</source>
        <translation>
            <numerusform>paytriage-sandbox: %1 generated payments (%n day(s) × %2 from %3), %4 transactions, %5 settlement rows; ready in %6 ms. Ctrl+C stops it.
</numerusform>
            <numerusform>paytriage-sandbox: %1 generated payments (%n day(s) × %2 from %3), %4 transactions, %5 settlement rows; ready in %6 ms. Ctrl+C stops it.
</numerusform>
        </translation>
    </message>
    <message>
        <source>generated: virtual account canceled before any deposit (CANCELED, no DONE)</source>
        <translation>generated: virtual account canceled before any deposit (CANCELED, no DONE)</translation>
    </message>
    <message>
        <source>generated: DONE card payment whose approvedAt is null</source>
        <translation>generated: DONE card payment whose approvedAt is null</translation>
    </message>
    <message>
        <source>generated: settlement row whose payOutAmount is not amount − fee (1,000 short)</source>
        <translation>generated: settlement row whose payOutAmount is not amount − fee (1,000 short)</translation>
    </message>
    <message>
        <source>generated: payment stuck IN_PROGRESS although its DONE transaction exists</source>
        <translation>generated: payment stuck IN_PROGRESS although its DONE transaction exists</translation>
    </message>
    <message>
        <source>generated: PARTIAL_CANCELED payment whose balanceAmount is not total − cancels</source>
        <translation>generated: PARTIAL_CANCELED payment whose balanceAmount is not total − cancels</translation>
    </message>
    <message>
        <source>seed 000: confirm answered IN_PROGRESS with nulls, but the card company approved it (DONE transaction)</source>
        <translation>seed 000: confirm answered IN_PROGRESS with nulls, but the card company approved it (DONE transaction)</translation>
    </message>
    <message>
        <source>seed 001: virtual account canceled before any deposit; CANCELED transaction of 22,400 with no DONE</source>
        <translation>seed 001: virtual account canceled before any deposit; CANCELED transaction of 22,400 with no DONE</translation>
    </message>
    <message>
        <source>seed 004: card payment of 99,800 approved and canceled the same day, with its approval and cancel settlement rows</source>
        <translation>seed 004: card payment of 99,800 approved and canceled the same day, with its approval and cancel settlement rows</translation>
    </message>
    <message>
        <source>fault: the answer comes 1.5 s late</source>
        <translation>fault: the answer comes 1.5 s late</translation>
    </message>
    <message>
        <source>fault: 429 with Retry-After: 2</source>
        <translation>fault: 429 with Retry-After: 2</translation>
    </message>
    <message>
        <source>fault: 500 FAILED_INTERNAL_SYSTEM_PROCESSING</source>
        <translation>fault: 500 FAILED_INTERNAL_SYSTEM_PROCESSING</translation>
    </message>
    <message>
        <source>fault: 502 from the gateway, Toss-style body</source>
        <translation>fault: 502 from the gateway, Toss-style body</translation>
    </message>
    <message>
        <source>fault: 503 with Retry-After: 5</source>
        <translation>fault: 503 with Retry-After: 5</translation>
    </message>
    <message>
        <source>fault: the connection is reset, no response</source>
        <translation>fault: the connection is reset, no response</translation>
    </message>
    <message>
        <source>fault: the body stops short of its Content-Length</source>
        <translation>fault: the body stops short of its Content-Length</translation>
    </message>
    <message>
        <source>fault: 200 with a body that is not valid JSON</source>
        <translation>fault: 200 with a body that is not valid JSON</translation>
    </message>
    <message>
        <source>fault: an HTML page instead of JSON</source>
        <translation>fault: an HTML page instead of JSON</translation>
    </message>
    <message>
        <source>fault: the body trickles in over 2 s</source>
        <translation>fault: the body trickles in over 2 s</translation>
    </message>
    <message>
        <source>fault: a valid JSON array of 64 MiB, streamed</source>
        <translation>fault: a valid JSON array of 64 MiB, streamed</translation>
    </message>
    <message>
        <source>seed 002: in-app order PAYMENT_COMPLETED, a status newer than the guide (POST get-order-status)</source>
        <translation>seed 002: in-app order PAYMENT_COMPLETED, a status newer than the guide (POST get-order-status)</translation>
    </message>
    <message>
        <source>seed 002: in-app order PURCHASED, the answer before the change</source>
        <translation>seed 002: in-app order PURCHASED, the answer before the change</translation>
    </message>
    <message>
        <source>in-app order ORDER_IN_PROGRESS (the guide's example)</source>
        <translation>in-app order ORDER_IN_PROGRESS (the guide's example)</translation>
    </message>
    <message>
        <source>the fault "%1" takes no parameter</source>
        <translation>the fault "%1" takes no parameter</translation>
    </message>
    <message>
        <source>the parameter of "%1" must be a whole number from 0 to %2</source>
        <translation>the parameter of "%1" must be a whole number from 0 to %2</translation>
    </message>
    <message>
        <source>unknown fault "%1"; known faults: %2</source>
        <translation>unknown fault "%1"; known faults: %2</translation>
    </message>
    <message>
        <source>"%1" has no rate; write KIND[:PARAM]:RATE, e.g. 429:0.05</source>
        <translation>"%1" has no rate; write KIND[:PARAM]:RATE, e.g. 429:0.05</translation>
    </message>
    <message>
        <source>the rate in "%1" must be a number from 0 to 1</source>
        <translation>the rate in "%1" must be a number from 0 to 1</translation>
    </message>
    <message>
        <source>the fault rates add up to %1, more than 1</source>
        <translation>the fault rates add up to %1, more than 1</translation>
    </message>
</context>
</TS>
