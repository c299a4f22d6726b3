<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>paytriage</name>
    <message>
        <source>no such file: check the path.</source>
        <translation>no such file: check the path.</translation>
    </message>
    <message>
        <source>this is a folder: name a file.</source>
        <translation>this is a folder: name a file.</translation>
    </message>
    <message>
        <source>not a regular file (a device, a pipe or a socket): save the text to a file first.</source>
        <translation>not a regular file (a device, a pipe or a socket): save the text to a file first.</translation>
    </message>
    <message>
        <source>%1 MB, more than %2 MB: too large to read at once.</source>
        <translation>%1 MB, more than %2 MB: too large to read at once.</translation>
    </message>
    <message>
        <source>more than %1 MB: too large to read at once.</source>
        <translation>more than %1 MB: too large to read at once.</translation>
    </message>
</context>
<context>
    <name>paytriage::AnalyzeTextDialog</name>
    <message>
        <source>Analyse text</source>
        <translation>Analyse text</translation>
    </message>
    <message>
        <source>Case &amp;name</source>
        <translation>Case &amp;name</translation>
    </message>
    <message>
        <source>e.g. ticket 4512</source>
        <translation>e.g. ticket 4512</translation>
    </message>
    <message>
        <source>Paste a response, webhook body, console.log output or a chat message with JSON in it. Not strict JSON is fine: PayTriage repairs quotes, comments and fragments and tells you what it changed.</source>
        <translation>Paste a response, webhook body, console.log output or a chat message with JSON in it. Not strict JSON is fine: PayTriage repairs quotes, comments and fragments and tells you what it changed.</translation>
    </message>
    <message>
        <source>Text to analyse</source>
        <translation>Text to analyse</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Analyse the text (Ctrl+Enter)</source>
        <translation>Analyse the text (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Analyse &amp;as of</source>
        <translation>Analyse &amp;as of</translation>
    </message>
    <message>
        <source>Judge the evidence at the time it was captured (how long a payment had been in progress then), not now</source>
        <translation>Judge the evidence at the time it was captured (how long a payment had been in progress then), not now</translation>
    </message>
    <message>
        <source>Time to analyse as of (KST)</source>
        <translation>Time to analyse as of (KST)</translation>
    </message>
    <message>
        <source>from the text's log lines</source>
        <translation>from the text's log lines</translation>
    </message>
</context>
<context>
    <name>paytriage::ApiCall</name>
    <message>
        <source>more than %1 records in one list call; query a shorter period</source>
        <translation>more than %1 records in one list call; query a shorter period</translation>
    </message>
    <message>
        <source>more than %1 MB in one list call; query a shorter period</source>
        <translation>more than %1 MB in one list call; query a shorter period</translation>
    </message>
    <message>
        <source>page %1 ends without a transactionKey to ask for the next page</source>
        <translation>page %1 ends without a transactionKey to ask for the next page</translation>
    </message>
    <message>
        <source>the server ignored startingAfter: page %1 ends where page %2 did</source>
        <translation>the server ignored startingAfter: page %1 ends where page %2 did</translation>
    </message>
    <message>
        <source>the server ignored the page number: page %1 repeats page %2</source>
        <translation>the server ignored the page number: page %1 repeats page %2</translation>
    </message>
    <message>
        <source>the answer was cut short: %1 of %2 bytes</source>
        <translation>the answer was cut short: %1 of %2 bytes</translation>
    </message>
    <message>
        <source>HTTP %1, %2 bytes that are not JSON</source>
        <translation>HTTP %1, %2 bytes that are not JSON</translation>
    </message>
    <message>
        <source>Content-Type %1</source>
        <translation>Content-Type %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>expected a JSON array of records</source>
        <translation>expected a JSON array of records</translation>
    </message>
</context>
<context>
    <name>paytriage::ApiError</name>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (after %1 attempts)</translation>
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
        <source>The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; try again and check the base URL.</source>
        <translation>The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; try again and check the base URL.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Canceled.</translation>
    </message>
    <message>
        <source>The %1 file %2 does not exist.</source>
        <translation>The %1 file %2 does not exist.</translation>
    </message>
    <message>
        <source>The %1 file %2 is too large to be a PEM file.</source>
        <translation>The %1 file %2 is too large to be a PEM file.</translation>
    </message>
    <message>
        <source>Cannot read the %1 file %2: %3</source>
        <translation>Cannot read the %1 file %2: %3</translation>
    </message>
    <message>
        <source>Apps-in-Toss calls need the mTLS client certificate and key issued in the Apps-in-Toss console; set both in the merchant profile.</source>
        <translation>Apps-in-Toss calls need the mTLS client certificate and key issued in the Apps-in-Toss console; set both in the merchant profile.</translation>
    </message>
    <message>
        <source>Only the client key is set: set the client certificate too (both come from the Apps-in-Toss console).</source>
        <translation>Only the client key is set: set the client certificate too (both come from the Apps-in-Toss console).</translation>
    </message>
    <message>
        <source>Only the client certificate is set: set its private key too (both come from the Apps-in-Toss console).</source>
        <translation>Only the client certificate is set: set its private key too (both come from the Apps-in-Toss console).</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>client certificate</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----). A DER file can be converted with: openssl x509 -inform der -in FILE -out FILE.pem</source>
        <translation>%1 holds no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----). A DER file can be converted with: openssl x509 -inform der -in FILE -out FILE.pem</translation>
    </message>
    <message>
        <source>The client certificate %1 expired on %2. Issue a new one in the Apps-in-Toss console.</source>
        <translation>The client certificate %1 expired on %2. Issue a new one in the Apps-in-Toss console.</translation>
    </message>
    <message>
        <source>The client certificate %1 is not valid before %2.</source>
        <translation>The client certificate %1 is not valid before %2.</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>client key</translation>
    </message>
    <message>
        <source>The client key %1 is protected by a passphrase, which PayTriage cannot ask for. Keep an unencrypted copy in a private place: openssl pkey -in KEY -out KEY-plain.pem</source>
        <translation>The client key %1 is protected by a passphrase, which PayTriage cannot ask for. Keep an unencrypted copy in a private place: openssl pkey -in KEY -out KEY-plain.pem</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (a block starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).</source>
        <translation>%1 holds no PEM private key (a block starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 with %2, without a message.</source>
        <translation>The provider answered HTTP %1 with %2, without a message.</translation>
    </message>
    <message>
        <source>The base URL "%1" is not a valid address: write it like https://api.tosspayments.com (or a proxy's address, path included).</source>
        <translation>The base URL "%1" is not a valid address: write it like https://api.tosspayments.com (or a proxy's address, path included).</translation>
    </message>
    <message>
        <source>The base URL "%1" has a query or fragment (after ? or #): give the address only, like https://api.tosspayments.com.</source>
        <translation>The base URL "%1" has a query or fragment (after ? or #): give the address only, like https://api.tosspayments.com.</translation>
    </message>
    <message>
        <source>No id to look up: give an orderId or a paymentKey.</source>
        <translation>No id to look up: give an orderId or a paymentKey.</translation>
    </message>
    <message>
        <source>"%1" is not an orderId or paymentKey: those are letters, digits, - and _.</source>
        <translation>"%1" is not an orderId or paymentKey: those are letters, digits, - and _.</translation>
    </message>
    <message>
        <source>The id holds a control character: copy the orderId or paymentKey again.</source>
        <translation>The id holds a control character: copy the orderId or paymentKey again.</translation>
    </message>
    <message>
        <source>[… %1 bytes received, the first %2 shown%3]</source>
        <translation>[… %1 bytes received, the first %2 shown%3]</translation>
    </message>
    <message>
        <source>; the rest was not read</source>
        <translation>; the rest was not read</translation>
    </message>
    <message>
        <source>The answer of %2 passed the size limit (%1) and was not read to the end: the merchant has more records in the days around this payment than one lookup reads, so this list was left out; the other sources are analysed without it.</source>
        <translation>The answer of %2 passed the size limit (%1) and was not read to the end: the merchant has more records in the days around this payment than one lookup reads, so this list was left out; the other sources are analysed without it.</translation>
    </message>
    <message>
        <source>The answer of %2 is larger than the limit (%1), far larger than one object ever is, and was not read to the end. Something other than the API may be answering: its first bytes are in the raw pane; check the base URL of the profile.</source>
        <translation>The answer of %2 is larger than the limit (%1), far larger than one object ever is, and was not read to the end. Something other than the API may be answering: its first bytes are in the raw pane; check the base URL of the profile.</translation>
    </message>
</context>
<context>
    <name>paytriage::BatchModel</name>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>looking up…</source>
        <translation>looking up…</translation>
    </message>
    <message>
        <source>no payment</source>
        <translation>no payment</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>no findings</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>Worst finding</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
</context>
<context>
    <name>paytriage::BatchView</name>
    <message>
        <source>Ids to look up</source>
        <translation>Ids to look up</translation>
    </message>
    <message>
        <source>Paste the ids: one per line, or a CSV with an orderId or paymentKey column (from a spreadsheet or an export)</source>
        <translation>Paste the ids: one per line, or a CSV with an orderId or paymentKey column (from a spreadsheet or an export)</translation>
    </message>
    <message>
        <source>C&amp;olumn</source>
        <translation>C&amp;olumn</translation>
    </message>
    <message>
        <source>&amp;At once</source>
        <translation>&amp;At once</translation>
    </message>
    <message>
        <source>&amp;Transactions and settlements too (slower)</source>
        <translation>&amp;Transactions and settlements too (slower)</translation>
    </message>
    <message>
        <source>Open a list…</source>
        <translation>Open a list…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Retry failed</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Batch results</source>
        <translation>Batch results</translation>
    </message>
    <message>
        <source>Open a list of ids</source>
        <translation>Open a list of ids</translation>
    </message>
    <message>
        <source>Ids and CSV (*.csv *.txt);;All files (*)</source>
        <translation>Ids and CSV (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>No ids to look up: paste them one per line, or a CSV with an orderId or paymentKey column.</source>
        <translation>No ids to look up: paste them one per line, or a CSV with an orderId or paymentKey column.</translation>
    </message>
    <message>
        <source>Paste ids or open a list, then Run (Ctrl+Enter).</source>
        <translation>Paste ids or open a list, then Run (Ctrl+Enter).</translation>
    </message>
    <message numerus="yes">
        <source>%n id(s) to look up</source>
        <translation>
            <numerusform>%n id(s) to look up</numerusform>
            <numerusform>%n id(s) to look up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated, looked up once</source>
        <translation>
            <numerusform>%n repeated, looked up once</numerusform>
            <numerusform>%n repeated, looked up once</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 with findings at warning or above · %4 failed · %5 running</source>
        <translation>%1 of %2 done · %3 with findings at warning or above · %4 failed · %5 running</translation>
    </message>
    <message>
        <source>Look every id up with the merchant chosen in the lookup bar (Ctrl+Enter)</source>
        <translation>Look every id up with the merchant chosen in the lookup bar (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Look the failed and stopped ids up again</source>
        <translation>Look the failed and stopped ids up again</translation>
    </message>
    <message>
        <source>Stop the lookups in flight and those waiting; what arrived stays</source>
        <translation>Stop the lookups in flight and those waiting; what arrived stays</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Export the batch as a report</source>
        <translation>Export the batch as a report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>&amp;Per second</source>
        <translation>&amp;Per second</translation>
    </message>
    <message>
        <source>Lookups started a second at most</source>
        <translation>Lookups started a second at most</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
</context>
<context>
    <name>paytriage::Bundle</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>%1 holds no manifest.json: it is not a PayTriage case bundle.</source>
        <translation>%1 holds no manifest.json: it is not a PayTriage case bundle.</translation>
    </message>
    <message>
        <source>The manifest.json of %1 is not a PayTriage case bundle's.</source>
        <translation>The manifest.json of %1 is not a PayTriage case bundle's.</translation>
    </message>
    <message>
        <source>The manifest names a file outside the bundle: %1</source>
        <translation>The manifest names a file outside the bundle: %1</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 is missing.</translation>
    </message>
    <message>
        <source>%1 was changed since the bundle was made: its SHA-256 is not the manifest's.</source>
        <translation>%1 was changed since the bundle was made: its SHA-256 is not the manifest's.</translation>
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
    <message>
        <source>HTTP %1, but the answer is not a payment object</source>
        <translation>HTTP %1, but the answer is not a payment object</translation>
    </message>
    <message>
        <source>HTTP %1, but the answer is not an in-app order status</source>
        <translation>HTTP %1, but the answer is not an in-app order status</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseInput</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Transaction and settlement dumps of any size are analysed record by record when the file is one JSON array; otherwise split the file.</source>
        <translation>%1 is %2 MB: too large to analyse as one document (limit %3 MB). Transaction and settlement dumps of any size are analysed record by record when the file is one JSON array; otherwise split the file.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseReport</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>Total amount</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Order name</source>
        <translation>Order name</translation>
    </message>
    <message>
        <source>Snapshot #%1 of the evidence history</source>
        <translation>Snapshot #%1 of the evidence history</translation>
    </message>
    <message>
        <source>Merchant profile: %1</source>
        <translation>Merchant profile: %1</translation>
    </message>
    <message>
        <source>MID: %1</source>
        <translation>MID: %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Key: %1</translation>
    </message>
    <message>
        <source>Captured: %1 (%2 UTC)</source>
        <translation>Captured: %1 (%2 UTC)</translation>
    </message>
    <message>
        <source>Analysed as of: %1</source>
        <translation>Analysed as of: %1</translation>
    </message>
    <message>
        <source>Report made: %1</source>
        <translation>Report made: %1</translation>
    </message>
    <message>
        <source>Masked in this report: %1. Secret keys and credentials are never included.</source>
        <translation>Masked in this report: %1. Secret keys and credentials are never included.</translation>
    </message>
    <message>
        <source>Unmasked report, chosen explicitly: personal data is shown as received. Secret keys and credentials are never included.</source>
        <translation>Unmasked report, chosen explicitly: personal data is shown as received. Secret keys and credentials are never included.</translation>
    </message>
    <message>
        <source>PayTriage case report: %1</source>
        <translation>PayTriage case report: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>No findings.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Timeline (KST)</source>
        <translation>Timeline (KST)</translation>
    </message>
    <message>
        <source>Appendix: the answers as kept</source>
        <translation>Appendix: the answers as kept</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <source>%1 values masked</source>
        <translation>%1 values masked</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>The folder of %1 does not exist.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 could not be written.</translation>
    </message>
    <message>
        <source>Name the report .md, .html or .pdf: %1 is none of them.</source>
        <translation>Name the report .md, .html or .pdf: %1 is none of them.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
    <message>
        <source>Kept by PayTriage %1 (its catalog not recorded)</source>
        <translation>Kept by PayTriage %1 (its catalog not recorded)</translation>
    </message>
    <message>
        <source>Kept by PayTriage %1, judged then by catalog %2</source>
        <translation>Kept by PayTriage %1, judged then by catalog %2</translation>
    </message>
    <message>
        <source>Findings below judged by PayTriage %1, catalog %2</source>
        <translation>Findings below judged by PayTriage %1, catalog %2</translation>
    </message>
    <message>
        <source>Nothing was checked: no answer could be read as JSON. Read the answers in the appendix: an error page from a gateway or proxy, or an answer cut short, is not the API's answer; look the payment up again.</source>
        <translation>Nothing was checked: no answer could be read as JSON. Read the answers in the appendix: an error page from a gateway or proxy, or an answer cut short, is not the API's answer; look the payment up again.</translation>
    </message>
    <message>
        <source>No payment was recognised in the answers.</source>
        <translation>No payment was recognised in the answers.</translation>
    </message>
    <message>
        <source>No dated events.</source>
        <translation>No dated events.</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseSession</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>The in-app order status is read for one Toss user: enter their user key (x-toss-user-key) beside the order ID.</source>
        <translation>The in-app order status is read for one Toss user: enter their user key (x-toss-user-key) beside the order ID.</translation>
    </message>
    <message>
        <source>Analysis canceled. Press F5 to run it again.</source>
        <translation>Analysis canceled. Press F5 to run it again.</translation>
    </message>
    <message>
        <source>No body of snapshot #%1 could be read as JSON: see it with paytriage-cli history show %1.</source>
        <translation>No body of snapshot #%1 could be read as JSON: see it with paytriage-cli history show %1.</translation>
    </message>
    <message>
        <source>The answers could not be analysed (%1). The raw answers are shown as they came.</source>
        <translation>The answers could not be analysed (%1). The raw answers are shown as they came.</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseSummary</name>
    <message>
        <source>Findings (%1 critical, %2 warning, %3 info):</source>
        <translation>Findings (%1 critical, %2 warning, %3 info):</translation>
    </message>
    <message>
        <source>Masked: %1.</source>
        <translation>Masked: %1.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>balance</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation>Findings: none</translation>
    </message>
</context>
<context>
    <name>paytriage::CaseView</name>
    <message>
        <source>Analysing…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Looking up…</translation>
    </message>
    <message>
        <source>Looking up… %1 of %2 sources</source>
        <translation>Looking up… %1 of %2 sources</translation>
    </message>
    <message>
        <source>%1 of %2 sources arrived</source>
        <translation>%1 of %2 sources arrived</translation>
    </message>
    <message>
        <source>Lookup failed</source>
        <translation>Lookup failed</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>Not read</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>%1 critical · %2 warning · %3 info</source>
        <translation>%1 critical · %2 warning · %3 info</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>No findings in what arrived</source>
        <translation>No findings in what arrived</translation>
    </message>
    <message>
        <source>Analysed %1</source>
        <translation>Analysed %1</translation>
    </message>
    <message>
        <source>MID %1</source>
        <translation>MID %1</translation>
    </message>
    <message>
        <source>TEST key</source>
        <translation>TEST key</translation>
    </message>
    <message>
        <source>LIVE key</source>
        <translation>LIVE key</translation>
    </message>
    <message>
        <source>looked up %1</source>
        <translation>looked up %1</translation>
    </message>
    <message>
        <source>Double-click to show this pane alone, again to show all (Ctrl+Shift+M)</source>
        <translation>Double-click to show this pane alone, again to show all (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Show this pane alone</source>
        <translation>Show this pane alone</translation>
    </message>
    <message>
        <source>Analysed %1, as of %2 (when it was captured)</source>
        <translation>Analysed %1, as of %2 (when it was captured)</translation>
    </message>
    <message>
        <source>Snapshot #%1 of the history</source>
        <translation>Snapshot #%1 of the history</translation>
    </message>
    <message>
        <source>pasted %1</source>
        <translation>pasted %1</translation>
    </message>
    <message>
        <source>read from a file %1</source>
        <translation>read from a file %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <source>judged by today's catalog %1, not %2 as when kept</source>
        <translation>judged by today's catalog %1, not %2 as when kept</translation>
    </message>
</context>
<context>
    <name>paytriage::ComparePane</name>
    <message>
        <source>Pasted and live now</source>
        <translation>Pasted and live now</translation>
    </message>
    <message>
        <source>Open the live case</source>
        <translation>Open the live case</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Pasted</source>
        <translation>Pasted</translation>
    </message>
    <message>
        <source>Live now</source>
        <translation>Live now</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>The live case was closed: look it up live again to compare.</source>
        <translation>The live case was closed: look it up live again to compare.</translation>
    </message>
    <message>
        <source>The live lookup failed: %1</source>
        <translation>The live lookup failed: %1</translation>
    </message>
    <message>
        <source>Nothing changed since the paste (%1).</source>
        <translation>Nothing changed since the paste (%1).</translation>
    </message>
    <message>
        <source>What the provider says now (%1), against the pasted answer.</source>
        <translation>What the provider says now (%1), against the pasted answer.</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>filled (was null)</source>
        <translation>filled (was null)</translation>
    </message>
    <message>
        <source>now null</source>
        <translation>now null</translation>
    </message>
    <message>
        <source>not in the paste</source>
        <translation>not in the paste</translation>
    </message>
    <message>
        <source>no longer sent</source>
        <translation>no longer sent</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Settlement rows</source>
        <translation>Settlement rows</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>#%1, %2</source>
        <translation>#%1, %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Open #%1</source>
        <translation>Open #%1</translation>
    </message>
    <message>
        <source>Nothing changed from %1 to %2.</source>
        <translation>Nothing changed from %1 to %2.</translation>
    </message>
    <message>
        <source>What changed from %1 to %2.</source>
        <translation>What changed from %1 to %2.</translation>
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
    <message>
        <source>Something was left out at line %1, column %2 (“%3”): this document is partial, so the keys it lacks are unknown, not null. Look the payment up to see all of it.</source>
        <translation>Something was left out at line %1, column %2 (“%3”): this document is partial, so the keys it lacks are unknown, not null. Look the payment up to see all of it.</translation>
    </message>
    <message>
        <source>A Java or Kotlin toString() form at line %1, column %2 was read as JSON. It has no quotes, so numbers and words were told apart by how they look: %3</source>
        <translation>A Java or Kotlin toString() form at line %1, column %2 was read as JSON. It has no quotes, so numbers and words were told apart by how they look: %3</translation>
    </message>
    <message>
        <source>JSON behind line comments (// or #) starting at line %1, column %2 was read: %3</source>
        <translation>JSON behind line comments (// or #) starting at line %1, column %2 was read: %3</translation>
    </message>
    <message>
        <source>JSON inside a quoted, escaped string at line %1, column %2 was unescaped and read: %3</source>
        <translation>JSON inside a quoted, escaped string at line %1, column %2 was unescaped and read: %3</translation>
    </message>
    <message>
        <source>strict JSON (a file over 32 MB is read as strict JSON, without the repairs made to pasted text: unquoted keys, single quotes, comments, prose and several documents work only in smaller files)</source>
        <translation>strict JSON (a file over 32 MB is read as strict JSON, without the repairs made to pasted text: unquoted keys, single quotes, comments, prose and several documents work only in smaller files)</translation>
    </message>
    <message>
        <source>byte order mark</source>
        <translation>byte order mark</translation>
    </message>
    <message>
        <source>text around the JSON</source>
        <translation>text around the JSON</translation>
    </message>
    <message>
        <source>unquoted keys</source>
        <translation>unquoted keys</translation>
    </message>
    <message>
        <source>single-quoted strings</source>
        <translation>single-quoted strings</translation>
    </message>
    <message>
        <source>curly quotes</source>
        <translation>curly quotes</translation>
    </message>
    <message>
        <source>trailing commas</source>
        <translation>trailing commas</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>comments</translation>
    </message>
    <message>
        <source>several documents</source>
        <translation>several documents</translation>
    </message>
    <message>
        <source>undefined or NaN read as null</source>
        <translation>undefined or NaN read as null</translation>
    </message>
    <message>
        <source>numbers beyond 64 bits rounded</source>
        <translation>numbers beyond 64 bits rounded</translation>
    </message>
    <message>
        <source>missing commas</source>
        <translation>missing commas</translation>
    </message>
    <message>
        <source>text cut short, closed</source>
        <translation>text cut short, closed</translation>
    </message>
    <message>
        <source>members left out (…)</source>
        <translation>members left out (…)</translation>
    </message>
    <message>
        <source>toString() forms</source>
        <translation>toString() forms</translation>
    </message>
    <message>
        <source>commented-out JSON</source>
        <translation>commented-out JSON</translation>
    </message>
    <message>
        <source>escaped JSON in a string</source>
        <translation>escaped JSON in a string</translation>
    </message>
</context>
<context>
    <name>paytriage::ErrorCodeDialog</name>
    <message>
        <source>Error-code reference</source>
        <translation>Error-code reference</translation>
    </message>
    <message>
        <source>Search codes and explanations, in Korean or English</source>
        <translation>Search codes and explanations, in Korean or English</translation>
    </message>
    <message>
        <source>Search error codes</source>
        <translation>Search error codes</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>Error codes</translation>
    </message>
    <message>
        <source>Error code explanation</source>
        <translation>Error code explanation</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code(s)</numerusform>
            <numerusform>%n code(s)</numerusform>
        </translation>
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
        <source>Usual HTTP status</source>
        <translation>Usual HTTP status</translation>
    </message>
    <message>
        <source>No code matches "%1". Try a part of the code (NOT_FOUND), a word of the provider's message, or the Korean wording; codes are an open set, and one the catalog lacks can be added to its override file.</source>
        <translation>No code matches "%1". Try a part of the code (NOT_FOUND), a word of the provider's message, or the Korean wording; codes are an open set, and one the catalog lacks can be added to its override file.</translation>
    </message>
</context>
<context>
    <name>paytriage::ErrorCodeModel</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>Likely cause: %1</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>Check: %1</translation>
    </message>
    <message>
        <source>Not confirmed: the sources disagree or are silent.</source>
        <translation>Not confirmed: the sources disagree or are silent.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Who acts</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
</context>
<context>
    <name>paytriage::ExplanationPane</name>
    <message>
        <source>Finding explanation</source>
        <translation>Finding explanation</translation>
    </message>
    <message>
        <source>Select a finding to see what it means and what to do.</source>
        <translation>Select a finding to see what it means and what to do.</translation>
    </message>
    <message>
        <source>No findings: nothing in these documents looks wrong to the rules.</source>
        <translation>No findings: nothing in these documents looks wrong to the rules.</translation>
    </message>
    <message>
        <source>No findings in what arrived. Not everything did (%1), so the rules that weigh the missing answers did not run.</source>
        <translation>No findings in what arrived. Not everything did (%1), so the rules that weigh the missing answers did not run.</translation>
    </message>
    <message>
        <source>%1 Findings appear as the answers arrive.</source>
        <translation>%1 Findings appear as the answers arrive.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Open %1 in the error-code reference</source>
        <translation>Open %1 in the error-code reference</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time(s)</numerusform>
            <numerusform>%n time(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paytriage::FieldsPane</name>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>Decoded fields</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation>JSON pointer</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <source>Copy JSON pointer</source>
        <translation>Copy JSON pointer</translation>
    </message>
</context>
<context>
    <name>paytriage::FindingsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>paytriage::FindingsPane</name>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Minimum severity shown</source>
        <translation>Minimum severity shown</translation>
    </message>
    <message>
        <source>Group by rule</source>
        <translation>Group by rule</translation>
    </message>
    <message>
        <source>Filter findings</source>
        <translation>Filter findings</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>finding</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Copy as text</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>Warning and critical</source>
        <translation>Warning and critical</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critical only</translation>
    </message>
</context>
<context>
    <name>paytriage::HistoryModel</name>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>lookup</source>
        <translation>lookup</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>paste</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>%1, pinned</source>
        <translation>%1, pinned</translation>
    </message>
    <message>
        <source>orderId %1</source>
        <translation>orderId %1</translation>
    </message>
    <message>
        <source>paymentKey %1</source>
        <translation>paymentKey %1</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>no findings</translation>
    </message>
    <message>
        <source>%1 (MID %2)</source>
        <translation>%1 (MID %2)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>Worst finding</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>When (KST)</source>
        <translation>When (KST)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
</context>
<context>
    <name>paytriage::HistoryView</name>
    <message>
        <source>orderId or paymentKey</source>
        <translation>orderId or paymentKey</translation>
    </message>
    <message>
        <source>Payment to find</source>
        <translation>Payment to find</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Worst finding at least</source>
        <translation>Worst finding at least</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Snapshots of the evidence history</source>
        <translation>Snapshots of the evidence history</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>Show older</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Snapshots #%1 and #%2 are not of one payment: choose two snapshots of the same payment.</source>
        <translation>Snapshots #%1 and #%2 are not of one payment: choose two snapshots of the same payment.</translation>
    </message>
    <message>
        <source>#%1 is the first snapshot of its payment: there is none before it to compare with.</source>
        <translation>#%1 is the first snapshot of its payment: there is none before it to compare with.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n snapshot(s)</source>
        <translation>
            <numerusform>Copied %n snapshot(s)</numerusform>
            <numerusform>Copied %n snapshot(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Reading the history…</translation>
    </message>
    <message>
        <source>No snapshot matches.</source>
        <translation>No snapshot matches.</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) shown</source>
        <translation>
            <numerusform>%n snapshot(s) shown</numerusform>
            <numerusform>%n snapshot(s) shown</numerusform>
        </translation>
    </message>
    <message>
        <source>older ones follow</source>
        <translation>older ones follow</translation>
    </message>
    <message>
        <source>history: %1</source>
        <translation>history: %1</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Any merchant</source>
        <translation>Any merchant</translation>
    </message>
    <message>
        <source>Any finding</source>
        <translation>Any finding</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Any severity</translation>
    </message>
    <message>
        <source>Info or worse</source>
        <translation>Info or worse</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>Warning or worse</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critical only</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Open as a case</source>
        <translation>Open as a case</translation>
    </message>
    <message>
        <source>Compare with the snapshot before it, or the two selected</source>
        <translation>Compare with the snapshot before it, or the two selected</translation>
    </message>
    <message>
        <source>Pin or unpin (kept when older snapshots are pruned)</source>
        <translation>Pin or unpin (kept when older snapshots are pruned)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Two snapshots of one payment: what changed between them (Ctrl+D). One: what changed since the snapshot of that payment before it.</source>
        <translation>Two snapshots of one payment: what changed between them (Ctrl+D). One: what changed since the snapshot of that payment before it.</translation>
    </message>
    <message>
        <source>A pinned snapshot is kept when the history prunes older ones (Ctrl+P).</source>
        <translation>A pinned snapshot is kept when the history prunes older ones (Ctrl+P).</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonEditor</name>
    <message>
        <source>Line numbers and marks</source>
        <translation>Line numbers and marks</translation>
    </message>
    <message>
        <source>Hover a mark to read what it flags.</source>
        <translation>Hover a mark to read what it flags.</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonFindBar</name>
    <message>
        <source>No match in the part shown</source>
        <translation>No match in the part shown</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>No match</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match(es)</numerusform>
            <numerusform>%n match(es)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation>%1 of %2+</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Find in raw JSON</source>
        <translation>Find in raw JSON</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Match case</translation>
    </message>
    <message>
        <source>Close find bar (Esc)</source>
        <translation>Close find bar (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Close find bar</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>Find bar</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonTextView</name>
    <message>
        <source>null value</source>
        <translation>null value</translation>
    </message>
    <message>
        <source>Critical finding</source>
        <translation>Critical finding</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Repaired by the decoder</source>
        <translation>Repaired by the decoder</translation>
    </message>
    <message>
        <source>The text cannot be decoded here</source>
        <translation>The text cannot be decoded here</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>Showing the first %1 of %2.</translation>
    </message>
    <message>
        <source>The selected field is past the first %1 shown (of %2). Show all to see it.</source>
        <translation>The selected field is past the first %1 shown (of %2). Show all to see it.</translation>
    </message>
    <message>
        <source>Loading the rest: %1 of %2…</source>
        <translation>Loading the rest: %1 of %2…</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>Copy &amp;Value</translation>
    </message>
    <message>
        <source>Copy JSON &amp;Pointer</source>
        <translation>Copy JSON &amp;Pointer</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Show All</translation>
    </message>
    <message>
        <source>Show the whole text</source>
        <translation>Show the whole text</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Raw JSON</translation>
    </message>
    <message>
        <source>The response or pasted text as received. Moving the cursor selects the value in the other panes.</source>
        <translation>The response or pasted text as received. Moving the cursor selects the value in the other panes.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Not available for texts over %1.</source>
        <translation>Not available for texts over %1.</translation>
    </message>
    <message>
        <source>Not available: this text was not read as JSON, so nothing would link its indented form to the other panes.</source>
        <translation>Not available: this text was not read as JSON, so nothing would link its indented form to the other panes.</translation>
    </message>
    <message>
        <source>Not available: the documents could not be indented with their link to the other panes kept.</source>
        <translation>Not available: the documents could not be indented with their link to the other panes kept.</translation>
    </message>
    <message>
        <source>Show the documents indented; toggle again for the text exactly as received.</source>
        <translation>Show the documents indented; toggle again for the text exactly as received.</translation>
    </message>
    <message>
        <source>The documents of the response or pasted text, indented. Moving the cursor selects the value in the other panes.</source>
        <translation>The documents of the response or pasted text, indented. Moving the cursor selects the value in the other panes.</translation>
    </message>
    <message>
        <source>Formatting…</source>
        <translation>Formatting…</translation>
    </message>
    <message>
        <source>Formatted view: the documents as read, written as strict JSON; %1 shows the text as received, with its exact bytes.</source>
        <translation>Formatted view: the documents as read, written as strict JSON; %1 shows the text as received, with its exact bytes.</translation>
    </message>
    <message>
        <source>Formatted view: indentation added; %1 shows the text as received.</source>
        <translation>Formatted view: indentation added; %1 shows the text as received.</translation>
    </message>
    <message>
        <source>The documents could not be indented with their link to the other panes kept; the text is shown as received.</source>
        <translation>The documents could not be indented with their link to the other panes kept; the text is shown as received.</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>Format JSON</translation>
    </message>
</context>
<context>
    <name>paytriage::JsonTreeModel</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1 %2 — %3</source>
        <translation>#%1 %2 — %3</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>API version %1</source>
        <translation>API version %1</translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>null — unexpected here: a finding points at it</source>
        <translation>null — unexpected here: a finding points at it</translation>
    </message>
    <message>
        <source>null — unexpected for status %1: a finding points at it</source>
        <translation>null — unexpected for status %1: a finding points at it</translation>
    </message>
    <message>
        <source>null — expected for status %1</source>
        <translation>null — expected for status %1</translation>
    </message>
</context>
<context>
    <name>paytriage::KeychainSecretStore</name>
    <message>
        <source>No keychain service is available (%1). Secret keys are kept only until PayTriage quits; enter them again next time.</source>
        <translation>No keychain service is available (%1). Secret keys are kept only until PayTriage quits; enter them again next time.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>The keychain refused to give the secret key of "%1": %2</source>
        <translation>The keychain refused to give the secret key of "%1": %2</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret key of "%1": %2</source>
        <translation>The keychain refused to store the secret key of "%1": %2</translation>
    </message>
    <message>
        <source>The keychain refused to delete the secret key of "%1": %2</source>
        <translation>The keychain refused to delete the secret key of "%1": %2</translation>
    </message>
</context>
<context>
    <name>paytriage::LookupBar</name>
    <message>
        <source>&amp;Merchant</source>
        <translation>&amp;Merchant</translation>
    </message>
    <message>
        <source>Merchant profile</source>
        <translation>Merchant profile</translation>
    </message>
    <message>
        <source>Key mode</source>
        <translation>Key mode</translation>
    </message>
    <message>
        <source>Order ID or payment key</source>
        <translation>Order ID or payment key</translation>
    </message>
    <message>
        <source>What the ID is</source>
        <translation>What the ID is</translation>
    </message>
    <message>
        <source>Detected from the ID's shape; choose to override</source>
        <translation>Detected from the ID's shape; choose to override</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>orderId or paymentKey — Ctrl+L</source>
        <translation>orderId or paymentKey — Ctrl+L</translation>
    </message>
    <message>
        <source>orderId</source>
        <translation>orderId</translation>
    </message>
    <message>
        <source>paymentKey</source>
        <translation>paymentKey</translation>
    </message>
    <message>
        <source>In-app orderId</source>
        <translation>In-app orderId</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Auto: %1</source>
        <translation>Auto: %1</translation>
    </message>
    <message>
        <source>No merchant profile yet: add one in Settings, or start the demo.</source>
        <translation>No merchant profile yet: add one in Settings, or start the demo.</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>NO KEY</source>
        <translation>NO KEY</translation>
    </message>
    <message>
        <source>A live key: lookups read real payments (read-only).</source>
        <translation>A live key: lookups read real payments (read-only).</translation>
    </message>
    <message>
        <source>A test key: lookups read test payments.</source>
        <translation>A test key: lookups read test payments.</translation>
    </message>
    <message>
        <source>This profile has no secret key stored.</source>
        <translation>This profile has no secret key stored.</translation>
    </message>
    <message>
        <source>Toss user key (x-toss-user-key)</source>
        <translation>Toss user key (x-toss-user-key)</translation>
    </message>
    <message>
        <source>Toss user key</source>
        <translation>Toss user key</translation>
    </message>
    <message>
        <source>The Apps-in-Toss order status is read for one Toss user: their user key</source>
        <translation>The Apps-in-Toss order status is read for one Toss user: their user key</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Keep the kind</source>
        <translation>Keep the kind</translation>
    </message>
    <message>
        <source>Keep this kind for the next lookups; otherwise it returns to Auto after each one</source>
        <translation>Keep this kind for the next lookups; otherwise it returns to Auto after each one</translation>
    </message>
    <message numerus="yes">
        <source>%n ids were pasted: look up which?</source>
        <translation>
            <numerusform>%n ids were pasted: look up which?</numerusform>
            <numerusform>%n ids were pasted: look up which?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Look up all %n (a tab each)</source>
        <translation>
            <numerusform>Look up all %n (a tab each)</numerusform>
            <numerusform>Look up all %n (a tab each)</numerusform>
        </translation>
    </message>
    <message>
        <source>No orderId or paymentKey in "%1": ids are 6 or more letters, digits, - and _.</source>
        <translation>No orderId or paymentKey in "%1": ids are 6 or more letters, digits, - and _.</translation>
    </message>
</context>
<context>
    <name>paytriage::MainWindow</name>
    <message>
        <source>PayTriage</source>
        <translation>PayTriage</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Look up…</source>
        <translation>&amp;Look up…</translation>
    </message>
    <message>
        <source>Focus the lookup field</source>
        <translation>Focus the lookup field</translation>
    </message>
    <message>
        <source>Analyse &amp;text…</source>
        <translation>Analyse &amp;text…</translation>
    </message>
    <message>
        <source>Type or paste text to analyse</source>
        <translation>Type or paste text to analyse</translation>
    </message>
    <message>
        <source>Analyse &amp;clipboard</source>
        <translation>Analyse &amp;clipboard</translation>
    </message>
    <message>
        <source>Analyse the text on the clipboard</source>
        <translation>Analyse the text on the clipboard</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <source>Analyse a JSON file</source>
        <translation>Analyse a JSON file</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Fetch or analyse the current case again</source>
        <translation>Fetch or analyse the current case again</translation>
    </message>
    <message>
        <source>Clo&amp;se case</source>
        <translation>Clo&amp;se case</translation>
    </message>
    <message>
        <source>Close the current case</source>
        <translation>Close the current case</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Find in raw JSON…</source>
        <translation>&amp;Find in raw JSON…</translation>
    </message>
    <message>
        <source>&amp;Error-code reference</source>
        <translation>&amp;Error-code reference</translation>
    </message>
    <message>
        <source>Search what Toss error codes mean and who acts</source>
        <translation>Search what Toss error codes mean and who acts</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Welcome page</translation>
    </message>
    <message>
        <source>Start &amp;demo sandbox</source>
        <translation>Start &amp;demo sandbox</translation>
    </message>
    <message>
        <source>Start a local Toss API sandbox with the seed scenarios</source>
        <translation>Start a local Toss API sandbox with the seed scenarios</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Merchant profiles, language, rule severities</source>
        <translation>Merchant profiles, language, rule severities</translation>
    </message>
    <message>
        <source>&amp;About PayTriage</source>
        <translation>&amp;About PayTriage</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <source>Worst finding of the current case</source>
        <translation>Worst finding of the current case</translation>
    </message>
    <message>
        <source>Analyse a file</source>
        <translation>Analyse a file</translation>
    </message>
    <message>
        <source>JSON and text (*.json *.txt *.log);;All files (*)</source>
        <translation>JSON and text (*.json *.txt *.log);;All files (*)</translation>
    </message>
    <message>
        <source>No keychain available: secret keys are kept for this session only. %1</source>
        <translation>No keychain available: secret keys are kept for this session only. %1</translation>
    </message>
    <message>
        <source>The demo sandbox could not start: %1</source>
        <translation>The demo sandbox could not start: %1</translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation>Demo sandbox</translation>
    </message>
    <message>
        <source>Demo sandbox: %1</source>
        <translation>Demo sandbox: %1</translation>
    </message>
    <message>
        <source>Could not read the secret key of %1: %2</source>
        <translation>Could not read the secret key of %1: %2</translation>
    </message>
    <message>
        <source>The clipboard holds no text to analyse.</source>
        <translation>The clipboard holds no text to analyse.</translation>
    </message>
    <message>
        <source>Clipboard %1</source>
        <translation>Clipboard %1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>Text %1</translation>
    </message>
    <message>
        <source>About PayTriage</source>
        <translation>About PayTriage</translation>
    </message>
    <message>
        <source>Dropped text</source>
        <translation>Dropped text</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>Severity of this case: %1</source>
        <translation>Severity of this case: %1</translation>
    </message>
    <message>
        <source>No secret key</source>
        <translation>No secret key</translation>
    </message>
    <message>
        <source>No merchant profile is set up, so %1 cannot be looked up. Add the merchant's profile and its secret key (test_sk_… or live_sk_…) in Settings.</source>
        <translation>No merchant profile is set up, so %1 cannot be looked up. Add the merchant's profile and its secret key (test_sk_… or live_sk_…) in Settings.</translation>
    </message>
    <message>
        <source>The profile %1 has no secret key stored, so %2 cannot be looked up. Store its secret key (test_sk_… or live_sk_…) in Settings; it is kept in the system keychain.</source>
        <translation>The profile %1 has no secret key stored, so %2 cannot be looked up. Store its secret key (test_sk_… or live_sk_…) in Settings; it is kept in the system keychain.</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Open settings…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Actual size</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>%1 kept in the evidence history as #%2</source>
        <translation>%1 kept in the evidence history as #%2</translation>
    </message>
    <message>
        <source>Evidence &amp;history</source>
        <translation>Evidence &amp;history</translation>
    </message>
    <message>
        <source>Every case kept: find a snapshot, open it, compare two</source>
        <translation>Every case kept: find a snapshot, open it, compare two</translation>
    </message>
    <message>
        <source>Compare with the &amp;previous snapshot</source>
        <translation>Compare with the &amp;previous snapshot</translation>
    </message>
    <message>
        <source>What changed since this payment was last kept in the history</source>
        <translation>What changed since this payment was last kept in the history</translation>
    </message>
    <message>
        <source>%1 kept in the evidence history as #%2; Ctrl+D shows what changed since #%3</source>
        <translation>%1 kept in the evidence history as #%2; Ctrl+D shows what changed since #%3</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Snapshot #%1 is no longer in the evidence history (pruned, or another history).</source>
        <translation>Snapshot #%1 is no longer in the evidence history (pruned, or another history).</translation>
    </message>
    <message>
        <source>This case is not in the evidence history yet.</source>
        <translation>This case is not in the evidence history yet.</translation>
    </message>
    <message>
        <source>#%1 is the first snapshot of this payment: there is none before it to compare with.</source>
        <translation>#%1 is the first snapshot of this payment: there is none before it to compare with.</translation>
    </message>
    <message>
        <source>Period &amp;scan</source>
        <translation>Period &amp;scan</translation>
    </message>
    <message>
        <source>Every transaction and settlement of the merchant in some days, checked: which payments look wrong</source>
        <translation>Every transaction and settlement of the merchant in some days, checked: which payments look wrong</translation>
    </message>
    <message>
        <source>No merchant profile is chosen: add one in Settings, or start the demo.</source>
        <translation>No merchant profile is chosen: add one in Settings, or start the demo.</translation>
    </message>
    <message>
        <source>The profile %1 has no secret key stored: store it in Settings.</source>
        <translation>The profile %1 has no secret key stored: store it in Settings.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>&amp;Batch lookup</source>
        <translation>&amp;Batch lookup</translation>
    </message>
    <message>
        <source>Look many payments up at once: ids pasted or from a CSV</source>
        <translation>Look many payments up at once: ids pasted or from a CSV</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation>Measuring %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n snapshot(s) in %2.</source>
        <translation>
            <numerusform>%1 holds %n snapshot(s) in %2.</numerusform>
            <numerusform>%1 holds %n snapshot(s) in %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) older than %1 days removed from the evidence history (pinned ones kept).</source>
        <translation>
            <numerusform>%n snapshot(s) older than %1 days removed from the evidence history (pinned ones kept).</numerusform>
            <numerusform>%n snapshot(s) older than %1 days removed from the evidence history (pinned ones kept).</numerusform>
        </translation>
    </message>
    <message>
        <source>The evidence history moves to %1 from the next start.</source>
        <translation>The evidence history moves to %1 from the next start.</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <source>The case as a report for a ticket, the provider or a manager: Markdown, HTML or PDF, personal data masked</source>
        <translation>The case as a report for a ticket, the provider or a manager: Markdown, HTML or PDF, personal data masked</translation>
    </message>
    <message>
        <source>The case is still being looked up: export it once its answers are in.</source>
        <translation>The case is still being looked up: export it once its answers are in.</translation>
    </message>
    <message>
        <source>This case has nothing to report: no answer arrived, or it is a dump read record by record (use paytriage-cli for those).</source>
        <translation>This case has nothing to report: no answer arrived, or it is a dump read record by record (use paytriage-cli for those).</translation>
    </message>
    <message>
        <source>Export the case as a report</source>
        <translation>Export the case as a report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1 (personal data masked)</source>
        <translation>Report written to %1 (personal data masked)</translation>
    </message>
    <message>
        <source>Open a case &amp;bundle…</source>
        <translation>Open a case &amp;bundle…</translation>
    </message>
    <message>
        <source>A folder exported from the history (paytriage-cli history export): checked against its manifest and opened as it was kept</source>
        <translation>A folder exported from the history (paytriage-cli history export): checked against its manifest and opened as it was kept</translation>
    </message>
    <message>
        <source>Open a case bundle</source>
        <translation>Open a case bundle</translation>
    </message>
    <message numerus="yes">
        <source>Bundle verified: its %n file(s) match the manifest.</source>
        <translation>
            <numerusform>Bundle verified: its %n file(s) match the manifest.</numerusform>
            <numerusform>Bundle verified: its %n file(s) match the manifest.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundle does not verify, so it may not be what was kept: %1</source>
        <translation>The bundle does not verify, so it may not be what was kept: %1</translation>
    </message>
    <message>
        <source>Export report &amp;unmasked…</source>
        <translation>Export report &amp;unmasked…</translation>
    </message>
    <message>
        <source>The case as a report with personal data as received, for where it may go: asked to confirm first. Secret keys and credentials are never included</source>
        <translation>The case as a report with personal data as received, for where it may go: asked to confirm first. Secret keys and credentials are never included</translation>
    </message>
    <message>
        <source>Export case bun&amp;dle…</source>
        <translation>Export case bun&amp;dle…</translation>
    </message>
    <message>
        <source>A folder for a ticket or the provider: the answers as kept, the report and a manifest of their SHA-256, which PayTriage opens again and verifies</source>
        <translation>A folder for a ticket or the provider: the answers as kept, the report and a manifest of their SHA-256, which PayTriage opens again and verifies</translation>
    </message>
    <message>
        <source>Export unmasked?</source>
        <translation>Export unmasked?</translation>
    </message>
    <message>
        <source>This report shows personal data as received: customer names, e-mail addresses, phone numbers, card and account numbers and the payment secret. Send it only where personal data may go.</source>
        <translation>This report shows personal data as received: customer names, e-mail addresses, phone numbers, card and account numbers and the payment secret. Send it only where personal data may go.</translation>
    </message>
    <message>
        <source>Secret keys and credentials are never included, masked or not.</source>
        <translation>Secret keys and credentials are never included, masked or not.</translation>
    </message>
    <message>
        <source>Export unmasked</source>
        <translation>Export unmasked</translation>
    </message>
    <message>
        <source>Export the case as an unmasked report</source>
        <translation>Export the case as an unmasked report</translation>
    </message>
    <message>
        <source>Report written to %1 (UNMASKED: personal data as received)</source>
        <translation>Report written to %1 (UNMASKED: personal data as received)</translation>
    </message>
    <message>
        <source>Where the case bundle's folder goes</source>
        <translation>Where the case bundle's folder goes</translation>
    </message>
    <message>
        <source>Case bundle written to %1 (personal data masked): File ▸ Open a case bundle verifies it</source>
        <translation>Case bundle written to %1 (personal data masked): File ▸ Open a case bundle verifies it</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PayTriage %1&lt;/h3&gt;&lt;p&gt;A support console for the Toss Payments API: look payments up, read the raw responses beside a decoded timeline, and see what looks wrong and what to do.&lt;/p&gt;&lt;p&gt;Read-only by design: it never calls an endpoint that moves money.&lt;/p&gt;&lt;p&gt;Catalog: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PayTriage %1&lt;/h3&gt;&lt;p&gt;A support console for the Toss Payments API: look payments up, read the raw responses beside a decoded timeline, and see what looks wrong and what to do.&lt;/p&gt;&lt;p&gt;Read-only by design: it never calls an endpoint that moves money.&lt;/p&gt;&lt;p&gt;Catalog: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>paytriage::ModelText</name>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>In-app order</source>
        <translation>In-app order</translation>
    </message>
    <message>
        <source>API error</source>
        <translation>API error</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Deposit callback</source>
        <translation>Deposit callback</translation>
    </message>
    <message>
        <source>Cash receipt</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>Unknown document</source>
        <translation>Unknown document</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>merchant</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>card company or bank</source>
        <translation>card company or bank</translation>
    </message>
    <message>
        <source>Toss Payments</source>
        <translation>Toss Payments</translation>
    </message>
    <message>
        <source>Billing key</source>
        <translation>Billing key</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>BrandPay method</source>
        <translation>BrandPay method</translation>
    </message>
    <message>
        <source>BrandPay customer</source>
        <translation>BrandPay customer</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Seller</translation>
    </message>
</context>
<context>
    <name>paytriage::PeriodScan</name>
    <message>
        <source>the answer is not a list of records</source>
        <translation>the answer is not a list of records</translation>
    </message>
    <message>
        <source>a page ends without a transactionKey to read on from</source>
        <translation>a page ends without a transactionKey to read on from</translation>
    </message>
    <message>
        <source>the server ignored startingAfter: a page ends where the one before did</source>
        <translation>the server ignored startingAfter: a page ends where the one before did</translation>
    </message>
    <message>
        <source>the server ignored the page number: a settlements page repeats the one before</source>
        <translation>the server ignored the page number: a settlements page repeats the one before</translation>
    </message>
    <message>
        <source>it cannot be made</source>
        <translation>it cannot be made</translation>
    </message>
    <message>
        <source>The scan could not keep its working files in %1 (%2). Free some disk space there, or make it writable, and scan again.</source>
        <translation>The scan could not keep its working files in %1 (%2). Free some disk space there, or make it writable, and scan again.</translation>
    </message>
</context>
<context>
    <name>paytriage::ProfileCheck</name>
    <message>
        <source>Not a valid address: use https://host.</source>
        <translation>Not a valid address: use https://host.</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only to this computer (127.0.0.1, localhost); use https://.</source>
        <translation>Plain http:// is allowed only to this computer (127.0.0.1, localhost); use https://.</translation>
    </message>
    <message>
        <source>No secret key is stored yet: lookups with this profile need one.</source>
        <translation>No secret key is stored yet: lookups with this profile need one.</translation>
    </message>
    <message>
        <source>The key contains spaces or line breaks; paste it again without them.</source>
        <translation>The key contains spaces or line breaks; paste it again without them.</translation>
    </message>
    <message>
        <source>This is a client key, meant for browsers. Lookups need the secret key: test_sk_… or live_sk_… (test_gsk_… or live_gsk_… for the payment widget).</source>
        <translation>This is a client key, meant for browsers. Lookups need the secret key: test_sk_… or live_sk_… (test_gsk_… or live_gsk_… for the payment widget).</translation>
    </message>
    <message>
        <source>Secret keys start with test_ or live_; check that this is the secret key from the developer center.</source>
        <translation>Secret keys start with test_ or live_; check that this is the secret key from the developer center.</translation>
    </message>
    <message>
        <source>A live key: lookups read real payments (read-only; nothing is changed).</source>
        <translation>A live key: lookups read real payments (read-only; nothing is changed).</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Give the profile a name.</translation>
    </message>
    <message>
        <source>Another profile is already called "%1".</source>
        <translation>Another profile is already called "%1".</translation>
    </message>
    <message>
        <source>API versions look like 2022-11-16 or 1.4; the provider may refuse this one.</source>
        <translation>API versions look like 2022-11-16 or 1.4; the provider may refuse this one.</translation>
    </message>
    <message>
        <source>Choose the certificate's private key too.</source>
        <translation>Choose the certificate's private key too.</translation>
    </message>
    <message>
        <source>Choose the certificate of this private key too.</source>
        <translation>Choose the certificate of this private key too.</translation>
    </message>
</context>
<context>
    <name>paytriage::ProfileCommit</name>
    <message>
        <source>The secret key of "%1" was not stored: another profile's key, which could not be read, is still under that name and would have been lost.</source>
        <translation>The secret key of "%1" was not stored: another profile's key, which could not be read, is still under that name and would have been lost.</translation>
    </message>
</context>
<context>
    <name>paytriage::RawPane</name>
    <message>
        <source>Raw JSON</source>
        <translation>Raw JSON</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n record(s)) was analysed record by record, without keeping the records. The raw pane shows its beginning, not linked to the other panes; a finding names its record by number (/123).</source>
        <translation>
            <numerusform>%1 (%2, %n record(s)) was analysed record by record, without keeping the records. The raw pane shows its beginning, not linked to the other panes; a finding names its record by number (/123).</numerusform>
            <numerusform>%1 (%2, %n record(s)) was analysed record by record, without keeping the records. The raw pane shows its beginning, not linked to the other panes; a finding names its record by number (/123).</numerusform>
        </translation>
    </message>
    <message>
        <source>This text is %1: a selection shows its record here, not the field itself (fields are linked in texts up to %2).</source>
        <translation>This text is %1: a selection shows its record here, not the field itself (fields are linked in texts up to %2).</translation>
    </message>
    <message>
        <source>no Content-Type</source>
        <translation>no Content-Type</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>What %1 sent back, as received: it could not be used as the API's JSON (%2).</source>
        <translation>What %1 sent back, as received: it could not be used as the API's JSON (%2).</translation>
    </message>
    <message>
        <source>Back to the documents</source>
        <translation>Back to the documents</translation>
    </message>
</context>
<context>
    <name>paytriage::Redaction</name>
    <message>
        <source>payment secret</source>
        <translation>payment secret</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>card number</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>account number</translation>
    </message>
    <message>
        <source>cash-receipt identity number</source>
        <translation>cash-receipt identity number</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>customer name</translation>
    </message>
    <message>
        <source>account holder name</source>
        <translation>account holder name</translation>
    </message>
    <message>
        <source>depositor name</source>
        <translation>depositor name</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mail address</translation>
    </message>
</context>
<context>
    <name>paytriage::ScanResultModel</name>
    <message>
        <source>paymentKey</source>
        <translation>paymentKey</translation>
    </message>
    <message>
        <source>orderId</source>
        <translation>orderId</translation>
    </message>
    <message>
        <source>Day (KST)</source>
        <translation>Day (KST)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
</context>
<context>
    <name>paytriage::ScanView</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>&amp;Settlements too</source>
        <translation>&amp;Settlements too</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Read on</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Payments with findings, most severe first</source>
        <translation>Payments with findings, most severe first</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a To day on or after the From day.</source>
        <translation>The period ends before it starts: choose a To day on or after the From day.</translation>
    </message>
    <message>
        <source>Choose the days and press Scan: every transaction and settlement of the merchant in them is read and checked, page by page.</source>
        <translation>Choose the days and press Scan: every transaction and settlement of the merchant in them is read and checked, page by page.</translation>
    </message>
    <message>
        <source>%1: reading transactions… %2</source>
        <translation>%1: reading transactions… %2</translation>
    </message>
    <message>
        <source>%1: reading settlements… %2</source>
        <translation>%1: reading settlements… %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) asked again after a failure</source>
        <translation>
            <numerusform>%n page(s) asked again after a failure</numerusform>
            <numerusform>%n page(s) asked again after a failure</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done in %2 s, %3 requests. %4</source>
        <translation>%1: done in %2 s, %3 requests. %4</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) began before these days (their first record here is a cancel): not judged across their records; look one up to see it whole.</source>
        <translation>
            <numerusform>%n payment(s) began before these days (their first record here is a cancel): not judged across their records; look one up to see it whole.</numerusform>
            <numerusform>%n payment(s) began before these days (their first record here is a cancel): not judged across their records; look one up to see it whole.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped by a failure after %1 pages: %2. Read on continues from where it stopped.</source>
        <translation>Stopped by a failure after %1 pages: %2. Read on continues from where it stopped.</translation>
    </message>
    <message>
        <source>Stopped after %1 pages; what was read is shown. Read on continues from where it stopped.</source>
        <translation>Stopped after %1 pages; what was read is shown. Read on continues from where it stopped.</translation>
    </message>
    <message>
        <source>Findings per day (KST)</source>
        <translation>Findings per day (KST)</translation>
    </message>
    <message>
        <source>Transactions by status</source>
        <translation>Transactions by status</translation>
    </message>
    <message>
        <source>Read every transaction and settlement of the merchant in these days and check them (Enter)</source>
        <translation>Read every transaction and settlement of the merchant in these days and check them (Enter)</translation>
    </message>
    <message>
        <source>Stop after the page being read; what was read stays</source>
        <translation>Stop after the page being read; what was read stays</translation>
    </message>
    <message>
        <source>Read on from the page where the scan stopped</source>
        <translation>Read on from the page where the scan stopped</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Export the scan as a report</source>
        <translation>Export the scan as a report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>&amp;Requests a second</source>
        <translation>&amp;Requests a second</translation>
    </message>
    <message>
        <source>Requests a second at most</source>
        <translation>Requests a second at most</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>%1 pages · %2 transactions · %3 settlement records</source>
        <translation>%1 pages · %2 transactions · %3 settlement records</translation>
    </message>
    <message>
        <source>%1 · %2 payments · %3 findings</source>
        <translation>%1 · %2 payments · %3 findings</translation>
    </message>
    <message>
        <source>%1: weighing each payment's records together (part %2 of %3)… %4</source>
        <translation>%1: weighing each payment's records together (part %2 of %3)… %4</translation>
    </message>
    <message>
        <source>Stopped after %1 pages: %2</source>
        <translation>Stopped after %1 pages: %2</translation>
    </message>
    <message>
        <source>%1 · about %2 payments · %3 findings</source>
        <translation>%1 · about %2 payments · %3 findings</translation>
    </message>
</context>
<context>
    <name>paytriage::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profiles</translation>
    </message>
    <message>
        <source>Secret key storage notice</source>
        <translation>Secret key storage notice</translation>
    </message>
    <message>
        <source>Merchant profiles</source>
        <translation>Merchant profiles</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add a merchant profile</source>
        <translation>Add a merchant profile</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Remove the selected merchant profile</source>
        <translation>Remove the selected merchant profile</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>&amp;MID</source>
        <translation>&amp;MID</translation>
    </message>
    <message>
        <source>Merchant ID (MID)</source>
        <translation>Merchant ID (MID)</translation>
    </message>
    <message>
        <source>The merchant's mId, e.g. tvivarepublica</source>
        <translation>The merchant's mId, e.g. tvivarepublica</translation>
    </message>
    <message>
        <source>&amp;Secret key</source>
        <translation>&amp;Secret key</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Secret key</translation>
    </message>
    <message>
        <source>Stored in the keychain. It is never shown again; type a new key to replace it.</source>
        <translation>Stored in the keychain. It is never shown again; type a new key to replace it.</translation>
    </message>
    <message>
        <source>Stored in the keychain, never in the settings file. It is never shown again; type a new key to replace it.</source>
        <translation>Stored in the keychain, never in the settings file. It is never shown again; type a new key to replace it.</translation>
    </message>
    <message>
        <source>Key mode</source>
        <translation>Key mode</translation>
    </message>
    <message>
        <source>&amp;Base URL</source>
        <translation>&amp;Base URL</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API base URL</translation>
    </message>
    <message>
        <source>API &amp;version</source>
        <translation>API &amp;version</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API version</translation>
    </message>
    <message>
        <source>Sent as the TossPayments-API-Version header. Empty: the version set for the merchant in the developer center.</source>
        <translation>Sent as the TossPayments-API-Version header. Empty: the version set for the merchant in the developer center.</translation>
    </message>
    <message>
        <source>Apps-in-Toss (in-app purchases)</source>
        <translation>Apps-in-Toss (in-app purchases)</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>Apps-in-Toss API base URL</source>
        <translation>Apps-in-Toss API base URL</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>&amp;Certificate</translation>
    </message>
    <message>
        <source>mTLS client certificate file</source>
        <translation>mTLS client certificate file</translation>
    </message>
    <message>
        <source>PEM file from the Apps-in-Toss console</source>
        <translation>PEM file from the Apps-in-Toss console</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>Choose the client certificate file</translation>
    </message>
    <message>
        <source>Private &amp;key</source>
        <translation>Private &amp;key</translation>
    </message>
    <message>
        <source>mTLS private key file</source>
        <translation>mTLS private key file</translation>
    </message>
    <message>
        <source>Unencrypted PEM key of that certificate</source>
        <translation>Unencrypted PEM key of that certificate</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Choose the private key file</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Labels, findings and the catalog's explanations switch at once; the provider's own messages follow on the next lookup.</source>
        <translation>Labels, findings and the catalog's explanations switch at once; the provider's own messages follow on the next lookup.</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Rules</translation>
    </message>
    <message>
        <source>Each rule gives its findings a severity that fits the case. Override it here to raise or lower every finding of a rule, e.g. to silence a drift your merchant lives with.</source>
        <translation>Each rule gives its findings a severity that fits the case. Override it here to raise or lower every finding of a rule, e.g. to silence a drift your merchant lives with.</translation>
    </message>
    <message>
        <source>Severity per rule</source>
        <translation>Severity per rule</translation>
    </message>
    <message>
        <source>Apps-in-Toss client certificate</source>
        <translation>Apps-in-Toss client certificate</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM files (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Private key of the client certificate</source>
        <translation>Private key of the client certificate</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM files (*.pem *.key);;All files (*)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Override</translation>
    </message>
    <message>
        <source>Set by the rule</source>
        <translation>Set by the rule</translation>
    </message>
    <message>
        <source>Each finding gets the severity its case calls for (a payment stuck past its expiry is critical, one still in time a warning).</source>
        <translation>Each finding gets the severity its case calls for (a payment stuck past its expiry is critical, one still in time a warning).</translation>
    </message>
    <message>
        <source>Severity of %1</source>
        <translation>Severity of %1</translation>
    </message>
    <message>
        <source>The merchant's own (developer center)</source>
        <translation>The merchant's own (developer center)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Checking the keychain…</translation>
    </message>
    <message>
        <source>A key is stored; type a new one to replace it</source>
        <translation>A key is stored; type a new one to replace it</translation>
    </message>
    <message>
        <source>No key stored; type the secret key (test_sk_… or live_sk_…)</source>
        <translation>No key stored; type the secret key (test_sk_… or live_sk_…)</translation>
    </message>
    <message>
        <source>Secret keys are kept only until PayTriage quits: no keychain is in use. Enter them again next time.</source>
        <translation>Secret keys are kept only until PayTriage quits: no keychain is in use. Enter them again next time.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>Rule id: %1</source>
        <translation>Rule id: %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between severities in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <comment>severities a rule may report, e.g. Warning or Info</comment>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Default (%1)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>&amp;Kept in</source>
        <translation>&amp;Kept in</translation>
    </message>
    <message>
        <source>Where the evidence history is kept</source>
        <translation>Where the evidence history is kept</translation>
    </message>
    <message>
        <source>K&amp;eep snapshots</source>
        <translation>K&amp;eep snapshots</translation>
    </message>
    <message>
        <source>Days snapshots are kept</source>
        <translation>Days snapshots are kept</translation>
    </message>
    <message>
        <source>Older snapshots are removed at start and when you save; pinned ones are kept.</source>
        <translation>Older snapshots are removed at start and when you save; pinned ones are kept.</translation>
    </message>
    <message>
        <source>Keep the evidence history in</source>
        <translation>Keep the evidence history in</translation>
    </message>
    <message>
        <source>History (*.sqlite);;All files (*)</source>
        <translation>History (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>for ever</source>
        <translation>for ever</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password of the team's PostgreSQL</source>
        <translation>Password of the team's PostgreSQL</translation>
    </message>
    <message>
        <source>Empty: your own file. Or another SQLite file, or a team's PostgreSQL as postgresql://user@host:5432/db?sslmode=require, its password below (kept in the system keychain, never in the address or the settings file; else ~/.pgpass). PAYTRIAGE_STORE, when set, wins. A new place is used from the next start.</source>
        <translation>Empty: your own file. Or another SQLite file, or a team's PostgreSQL as postgresql://user@host:5432/db?sslmode=require, its password below (kept in the system keychain, never in the address or the settings file; else ~/.pgpass). PAYTRIAGE_STORE, when set, wins. A new place is used from the next start.</translation>
    </message>
</context>
<context>
    <name>paytriage::Severity</name>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>paytriage::Store</name>
    <message>
        <source>expected postgresql://user@host:port/database?sslmode=…</source>
        <translation>expected postgresql://user@host:port/database?sslmode=…</translation>
    </message>
    <message>
        <source>a password belongs in the keychain, not in the address</source>
        <translation>a password belongs in the keychain, not in the address</translation>
    </message>
    <message>
        <source>The evidence history %1 cannot be opened: Qt's database driver for it is not installed. Install it (on Debian: libqt6sql6-sqlite for a file, libqt6sql6-psql for PostgreSQL) and start PayTriage again.</source>
        <translation>The evidence history %1 cannot be opened: Qt's database driver for it is not installed. Install it (on Debian: libqt6sql6-sqlite for a file, libqt6sql6-psql for PostgreSQL) and start PayTriage again.</translation>
    </message>
    <message>
        <source>The evidence history %1 cannot be opened. Check that its folder exists and is writable, or for a server that it is running and the address, user and password are right.</source>
        <translation>The evidence history %1 cannot be opened. Check that its folder exists and is writable, or for a server that it is running and the address, user and password are right.</translation>
    </message>
    <message>
        <source>The evidence history %1 is busy: another PayTriage is writing to it and did not finish in time. Close the other window or command, or wait for it, and try again.</source>
        <translation>The evidence history %1 is busy: another PayTriage is writing to it and did not finish in time. Close the other window or command, or wait for it, and try again.</translation>
    </message>
    <message>
        <source>The evidence history %1 is damaged and was left as it is. Move the file aside (keep it: the sqlite3 tool's .recover may save its snapshots) and PayTriage will start a new history.</source>
        <translation>The evidence history %1 is damaged and was left as it is. Move the file aside (keep it: the sqlite3 tool's .recover may save its snapshots) and PayTriage will start a new history.</translation>
    </message>
    <message>
        <source>%1 is not a PayTriage evidence history and was left as it is. Choose another file, or move this one aside and PayTriage will start a new history there.</source>
        <translation>%1 is not a PayTriage evidence history and was left as it is. Choose another file, or move this one aside and PayTriage will start a new history there.</translation>
    </message>
    <message>
        <source>The evidence history %1 was written by a newer PayTriage (schema version %2) and was left untouched. Update PayTriage to use it, or choose another history.</source>
        <translation>The evidence history %1 was written by a newer PayTriage (schema version %2) and was left untouched. Update PayTriage to use it, or choose another history.</translation>
    </message>
    <message>
        <source>The evidence history %1 could not be read or written.</source>
        <translation>The evidence history %1 could not be read or written.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>paytriage::SummaryPane</name>
    <message>
        <source>Case summary</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Payment status</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Order ID</translation>
    </message>
    <message>
        <source>Copy the order ID</source>
        <translation>Copy the order ID</translation>
    </message>
    <message>
        <source>Copy order ID</source>
        <translation>Copy order ID</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Payment key</source>
        <translation>Payment key</translation>
    </message>
    <message>
        <source>Copy the payment key</source>
        <translation>Copy the payment key</translation>
    </message>
    <message>
        <source>Copy payment key</source>
        <translation>Copy payment key</translation>
    </message>
    <message>
        <source>Where the case came from</source>
        <translation>Where the case came from</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop the requests still running</source>
        <translation>Stop the requests still running</translation>
    </message>
    <message>
        <source>Look up live</source>
        <translation>Look up live</translation>
    </message>
    <message>
        <source>Look this payment up now with the selected merchant profile, to compare with the pasted answer</source>
        <translation>Look this payment up now with the selected merchant profile, to compare with the pasted answer</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>Copy summary</translation>
    </message>
    <message>
        <source>Copy the case as plain text for a ticket or a chat, personal data masked (Ctrl+Shift+C)</source>
        <translation>Copy the case as plain text for a ticket or a chat, personal data masked (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Fetch or analyse again (F5)</source>
        <translation>Fetch or analyse again (F5)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Explain code</source>
        <translation>Explain code</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>Edit text…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>order ID</source>
        <translation>order ID</translation>
    </message>
    <message>
        <source>payment key</source>
        <translation>payment key</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>Settlements</translation>
    </message>
    <message>
        <source>In-app order status</source>
        <translation>In-app order status</translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3, next in %4 s (Retry-After)</source>
        <translation>%1: attempt %2 of %3, next in %4 s (Retry-After)</translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3, next in %4 s</source>
        <translation>%1: attempt %2 of %3, next in %4 s</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 page(s), %n record(s) so far, %3 s</source>
        <translation>
            <numerusform>%1: %2 page(s), %n record(s) so far, %3 s</numerusform>
            <numerusform>%1: %2 page(s), %n record(s) so far, %3 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3…</source>
        <translation>%1: attempt %2 of %3…</translation>
    </message>
    <message>
        <source>%1: fetching… %2 s</source>
        <translation>%1: fetching… %2 s</translation>
    </message>
    <message>
        <source>%1: fetching…</source>
        <translation>%1: fetching…</translation>
    </message>
    <message numerus="yes">
        <source>%1: ✓ %n record(s)</source>
        <translation>
            <numerusform>%1: ✓ %n record(s)</numerusform>
            <numerusform>%1: ✓ %n record(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ✗ failed</source>
        <translation>%1: ✗ failed</translation>
    </message>
    <message>
        <source>%1: canceled</source>
        <translation>%1: canceled</translation>
    </message>
    <message>
        <source>show what came back</source>
        <translation>show what came back</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) from the text</source>
        <translation>
            <numerusform>%n document(s) from the text</numerusform>
            <numerusform>%n document(s) from the text</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>It was looked up as a paymentKey; if it is the merchant's order number, choose orderId as the kind.</source>
        <translation>It was looked up as a paymentKey; if it is the merchant's order number, choose orderId as the kind.</translation>
    </message>
    <message>
        <source>It was looked up as an orderId; if it is a paymentKey (the long key Toss issued), choose paymentKey as the kind.</source>
        <translation>It was looked up as an orderId; if it is a paymentKey (the long key Toss issued), choose paymentKey as the kind.</translation>
    </message>
    <message>
        <source>The profile's key is a test key: payments made with the live key (real customers) are not visible to it.</source>
        <translation>The profile's key is a test key: payments made with the live key (real customers) are not visible to it.</translation>
    </message>
    <message>
        <source>The profile's key is a live key: payments made in the test environment are not visible to it.</source>
        <translation>The profile's key is a live key: payments made in the test environment are not visible to it.</translation>
    </message>
    <message>
        <source>A key sees only the payments of its own MID: check that this profile is the merchant that took it.</source>
        <translation>A key sees only the payments of its own MID: check that this profile is the merchant that took it.</translation>
    </message>
    <message>
        <source>What to check:</source>
        <translation>What to check:</translation>
    </message>
    <message>
        <source>Your text is kept: edit it and analyse again, or fix the place marked in the raw pane.</source>
        <translation>Your text is kept: edit it and analyse again, or fix the place marked in the raw pane.</translation>
    </message>
    <message>
        <source>canceled before deposit</source>
        <translation>canceled before deposit</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>balance %1</source>
        <translation>balance %1</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>In-app purchase</source>
        <translation>In-app purchase</translation>
    </message>
    <message>
        <source>No payment</source>
        <translation>No payment</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document(s)</numerusform>
            <numerusform>%n document(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) of the text could not be read and were left out; the rest was analysed.</source>
        <translation>
            <numerusform>%n part(s) of the text could not be read and were left out; the rest was analysed.</numerusform>
            <numerusform>%n part(s) of the text could not be read and were left out; the rest was analysed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more like it)</source>
        <translation>
            <numerusform>(and %n more like it)</numerusform>
            <numerusform>(and %n more like it)</numerusform>
        </translation>
    </message>
    <message>
        <source>The text was not strict JSON; read after repairs: %1.</source>
        <translation>The text was not strict JSON; read after repairs: %1.</translation>
    </message>
    <message>
        <source>Hover for the list; where data was changed or lost, the place is marked in the raw pane.</source>
        <translation>Hover for the list; where data was changed or lost, the place is marked in the raw pane.</translation>
    </message>
</context>
<context>
    <name>paytriage::TableReport</name>
    <message numerus="yes">
        <source>PayTriage batch lookup: %n id(s)</source>
        <translation>
            <numerusform>PayTriage batch lookup: %n id(s)</numerusform>
            <numerusform>PayTriage batch lookup: %n id(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Merchant profile: %1</source>
        <translation>Merchant profile: %1</translation>
    </message>
    <message>
        <source>Looked up: %1</source>
        <translation>Looked up: %1</translation>
    </message>
    <message>
        <source>PayTriage period scan: %1 – %2</source>
        <translation>PayTriage period scan: %1 – %2</translation>
    </message>
    <message>
        <source>Scanned: %1</source>
        <translation>Scanned: %1</translation>
    </message>
    <message>
        <source>Transactions by status: %1</source>
        <translation>Transactions by status: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>The scan did not read the whole period: what is listed is what was read.</source>
        <translation>The scan did not read the whole period: what is listed is what was read.</translation>
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
    <message>
        <source>Not recognised as a Toss Payments response: nothing was checked.</source>
        <translation>Not recognised as a Toss Payments response: nothing was checked.</translation>
    </message>
    <message>
        <source>Parts that could not be read</source>
        <translation>Parts that could not be read</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
</context>
<context>
    <name>paytriage::TimelineModel</name>
    <message>
        <source>%1 (no offset)</source>
        <translation>%1 (no offset)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>Time (KST)</source>
        <translation>Time (KST)</translation>
    </message>
    <message>
        <source>Since start</source>
        <translation>Since start</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>Now (time of analysis)</source>
        <translation>Now (time of analysis)</translation>
    </message>
    <message>
        <source>A deadline, not an event: by %1 it had to happen.</source>
        <translation>A deadline, not an event: by %1 it had to happen.</translation>
    </message>
    <message>
        <source>A business day, without a time of day: shown after that day's timed events.</source>
        <translation>A business day, without a time of day: shown after that day's timed events.</translation>
    </message>
    <message>
        <source>When the case was analysed: how long ago everything above happened, and whether a deadline passed.</source>
        <translation>When the case was analysed: how long ago everything above happened, and whether a deadline passed.</translation>
    </message>
</context>
<context>
    <name>paytriage::TimelinePane</name>
    <message>
        <source>Timeline (KST)</source>
        <translation>Timeline (KST)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>timeline row</source>
        <translation>timeline row</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>timeline</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Copy row</translation>
    </message>
    <message>
        <source>Copy the timeline as text</source>
        <translation>Copy the timeline as text</translation>
    </message>
    <message>
        <source>no times in these documents (an error answer or a fragment without timestamps)</source>
        <translation>no times in these documents (an error answer or a fragment without timestamps)</translation>
    </message>
    <message numerus="yes">
        <source>the first %n events</source>
        <translation>
            <numerusform>the first %n events</numerusform>
            <numerusform>the first %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paytriage::WelcomePage</name>
    <message>
        <source>PayTriage</source>
        <translation>PayTriage</translation>
    </message>
    <message>
        <source>Look a payment up by orderId or paymentKey (Ctrl+L), or paste JSON from a ticket anywhere (Ctrl+Shift+V). Each case shows the raw JSON beside its decoded fields and timeline, with findings that explain what looks wrong and what to do.</source>
        <translation>Look a payment up by orderId or paymentKey (Ctrl+L), or paste JSON from a ticket anywhere (Ctrl+Shift+V). Each case shows the raw JSON beside its decoded fields and timeline, with findings that explain what looks wrong and what to do.</translation>
    </message>
    <message>
        <source>Demo scenarios</source>
        <translation>Demo scenarios</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Order ID</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>What it shows</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Open scenario</translation>
    </message>
    <message>
        <source>Start the demo sandbox</source>
        <translation>Start the demo sandbox</translation>
    </message>
    <message>
        <source>Analyse text…</source>
        <translation>Analyse text…</translation>
    </message>
    <message>
        <source>Demo mode: a local Toss API sandbox answers at %1 with the seed cases of real support threads, a generated merchant and injected faults. Click a scenario to look it up.</source>
        <translation>Demo mode: a local Toss API sandbox answers at %1 with the seed cases of real support threads, a generated merchant and injected faults. Click a scenario to look it up.</translation>
    </message>
    <message>
        <source>No merchant set up? Start the demo: a local sandbox of the Toss API with the cases this tool was made for.</source>
        <translation>No merchant set up? Start the demo: a local sandbox of the Toss API with the cases this tool was made for.</translation>
    </message>
    <message>
        <source>Paste (Ctrl+Shift+V) or drop here a response, a log excerpt or a saved JSON file: it is analysed as a case.</source>
        <translation>Paste (Ctrl+Shift+V) or drop here a response, a log excerpt or a saved JSON file: it is analysed as a case.</translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation>Recent lookups</translation>
    </message>
    <message>
        <source>TEST key stored</source>
        <translation>TEST key stored</translation>
    </message>
    <message>
        <source>LIVE key stored</source>
        <translation>LIVE key stored</translation>
    </message>
    <message>
        <source>no key stored</source>
        <translation>no key stored</translation>
    </message>
    <message>
        <source>checking the keychain…</source>
        <translation>checking the keychain…</translation>
    </message>
    <message>
        <source>Store a key…</source>
        <translation>Store a key…</translation>
    </message>
    <message>
        <source>Merchant profiles:</source>
        <translation>Merchant profiles:</translation>
    </message>
    <message>
        <source>During an incident:</source>
        <translation>During an incident:</translation>
    </message>
    <message>
        <source>Batch lookup (Ctrl+B)</source>
        <translation>Batch lookup (Ctrl+B)</translation>
    </message>
    <message>
        <source>Paste a ticket's or a spreadsheet's ids and look them all up</source>
        <translation>Paste a ticket's or a spreadsheet's ids and look them all up</translation>
    </message>
    <message>
        <source>Period scan (Ctrl+Shift+S)</source>
        <translation>Period scan (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Check every transaction and settlement of some days: which other payments look like this one?</source>
        <translation>Check every transaction and settlement of some days: which other payments look like this one?</translation>
    </message>
    <message>
        <source>Evidence history (Ctrl+H)</source>
        <translation>Evidence history (Ctrl+H)</translation>
    </message>
    <message>
        <source>Every case kept, as it was: find it, open it, compare two looks at one payment</source>
        <translation>Every case kept, as it was: find it, open it, compare two looks at one payment</translation>
    </message>
    <message>
        <source>Shortcuts: Ctrl+L look up · Enter search · F5 refresh · Ctrl+D compare with the previous snapshot · Ctrl+F find in raw JSON · Ctrl+W close case · Ctrl+Shift+V analyse the clipboard · Ctrl+E error codes</source>
        <translation>Shortcuts: Ctrl+L look up · Enter search · F5 refresh · Ctrl+D compare with the previous snapshot · Ctrl+F find in raw JSON · Ctrl+W close case · Ctrl+Shift+V analyse the clipboard · Ctrl+E error codes</translation>
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
        <source>Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON line per id on standard output as each finishes; progress and failures on standard error; a failed id never stops the others. The secret key comes from the profile's keychain entry (--profile) or PAYTRIAGE_SECRET_KEY.</source>
        <translation>Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON line per id on standard output as each finishes; progress and failures on standard error; a failed id never stops the others. The secret key comes from the profile's keychain entry (--profile) or PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the payment, its transactions and its settlements. Read-only: nothing that moves money is called. The secret key comes from the profile's keychain entry or the environment variable PAYTRIAGE_SECRET_KEY, never from the command line. An Apps-in-Toss in-app order (--iap-order-id) is asked of its own host with the profile's mTLS certificate; its user key comes from PAYTRIAGE_TOSS_USER_KEY.</source>
        <translation>Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the payment, its transactions and its settlements. Read-only: nothing that moves money is called. The secret key comes from the profile's keychain entry or the environment variable PAYTRIAGE_SECRET_KEY, never from the command line. An Apps-in-Toss in-app order (--iap-order-id) is asked of its own host with the profile's mTLS certificate; its user key comes from PAYTRIAGE_TOSS_USER_KEY.</translation>
    </message>
    <message>
        <source>An Apps-in-Toss in-app purchase orderId: its order status instead of a payment.</source>
        <translation>An Apps-in-Toss in-app purchase orderId: its order status instead of a payment.</translation>
    </message>
    <message>
        <source>--iap-order-id looks up an Apps-in-Toss order on its own; name no payment with it.</source>
        <translation>--iap-order-id looks up an Apps-in-Toss order on its own; name no payment with it.</translation>
    </message>
    <message>
        <source>The Apps-in-Toss order status needs the user's key (x-toss-user-key, from Toss Login): set PAYTRIAGE_TOSS_USER_KEY.</source>
        <translation>The Apps-in-Toss order status needs the user's key (x-toss-user-key, from Toss Login): set PAYTRIAGE_TOSS_USER_KEY.</translation>
    </message>
    <message>
        <source>No merchant profile named "%1": there are no profiles in %2 yet. Add one in the console's Settings, or use --base-url with PAYTRIAGE_SECRET_KEY.</source>
        <translation>No merchant profile named "%1": there are no profiles in %2 yet. Add one in the console's Settings, or use --base-url with PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>No merchant profile named "%1". The profiles are: %2.</source>
        <translation>No merchant profile named "%1". The profiles are: %2.</translation>
    </message>
    <message>
        <source>The keychain cannot be read here, so the secret key of profile "%1" is not available; set PAYTRIAGE_SECRET_KEY.</source>
        <translation>The keychain cannot be read here, so the secret key of profile "%1" is not available; set PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>No secret key is stored for profile "%1": enter it in the console's Settings, or set PAYTRIAGE_SECRET_KEY.</source>
        <translation>No secret key is stored for profile "%1": enter it in the console's Settings, or set PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>Merchant profile set up in the console (base URL, API version, Apps-in-Toss certificate); its secret key comes from the keychain, else from PAYTRIAGE_SECRET_KEY.</source>
        <translation>Merchant profile set up in the console (base URL, API version, Apps-in-Toss certificate); its secret key comes from the keychain, else from PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>Apps-in-Toss API base URL (default https://apps-in-toss-api.toss.im; http:// only to this computer).</source>
        <translation>Apps-in-Toss API base URL (default https://apps-in-toss-api.toss.im; http:// only to this computer).</translation>
    </message>
    <message>
        <source>--profile and --%1 cannot be used together: the profile names its own addresses.</source>
        <translation>--profile and --%1 cannot be used together: the profile names its own addresses.</translation>
    </message>
    <message>
        <source>Using a LIVE secret key (live_…): read-only calls on real payments.</source>
        <translation>Using a LIVE secret key (live_…): read-only calls on real payments.</translation>
    </message>
    <message>
        <source>Standard input holds more than %1 MB: too large to analyse at once. Save it to a file: a transactions or settlements dump that is one JSON array is then analysed record by record.</source>
        <translation>Standard input holds more than %1 MB: too large to analyse at once. Save it to a file: a transactions or settlements dump that is one JSON array is then analysed record by record.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Cannot read standard input.</translation>
    </message>
    <message>
        <source>Keep the text and its findings as a snapshot in the evidence history (see paytriage-cli history --help); not for dumps analysed record by record.</source>
        <translation>Keep the text and its findings as a snapshot in the evidence history (see paytriage-cli history --help); not for dumps analysed record by record.</translation>
    </message>
    <message>
        <source>The history --record writes to (default: PAYTRIAGE_STORE, else the console's own).</source>
        <translation>The history --record writes to (default: PAYTRIAGE_STORE, else the console's own).</translation>
    </message>
    <message>
        <source>--record keeps texts read whole; %1 is analysed record by record and is not kept.</source>
        <translation>--record keeps texts read whole; %1 is analysed record by record and is not kept.</translation>
    </message>
    <message>
        <source>Cannot read the time "%1": write it like 2025-04-02T08:50:00+09:00 or 2025-04-02.</source>
        <translation>Cannot read the time "%1": write it like 2025-04-02T08:50:00+09:00 or 2025-04-02.</translation>
    </message>
    <message>
        <source>No snapshots match in %1.</source>
        <translation>No snapshots match in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s), worst: %1</source>
        <translation>
            <numerusform>%n finding(s), worst: %1</numerusform>
            <numerusform>%n finding(s), worst: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>More are older: narrow the search or raise --limit.</source>
        <translation>More are older: narrow the search or raise --limit.</translation>
    </message>
    <message>
        <source>"%1" is not a snapshot number: history list shows them (#12).</source>
        <translation>"%1" is not a snapshot number: history list shows them (#12).</translation>
    </message>
    <message>
        <source>There is no snapshot #%1 in %2 (never kept, or pruned).</source>
        <translation>There is no snapshot #%1 in %2 (never kept, or pruned).</translation>
    </message>
    <message>
        <source>Snapshot #%1 (%2), captured %3</source>
        <translation>Snapshot #%1 (%2), captured %3</translation>
    </message>
    <message>
        <source>  ids: orderId %1, paymentKey %2, status %3</source>
        <translation>  ids: orderId %1, paymentKey %2, status %3</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) masked</source>
        <translation>
            <numerusform>%n value(s) masked</numerusform>
            <numerusform>%n value(s) masked</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 (%2) → #%3 (%4)</source>
        <translation>#%1 (%2) → #%3 (%4)</translation>
    </message>
    <message>
        <source>  (not the same payment: %1 and %2)</source>
        <translation>  (not the same payment: %1 and %2)</translation>
    </message>
    <message>
        <source>  nothing changed</source>
        <translation>  nothing changed</translation>
    </message>
    <message>
        <source>  transactions: %1 → %2</source>
        <translation>  transactions: %1 → %2</translation>
    </message>
    <message>
        <source>  settlement rows: %1 → %2</source>
        <translation>  settlement rows: %1 → %2</translation>
    </message>
    <message>
        <source>  cleared: %1</source>
        <translation>  cleared: %1</translation>
    </message>
    <message>
        <source>  new: %1</source>
        <translation>  new: %1</translation>
    </message>
    <message>
        <source>Only this orderId or paymentKey.</source>
        <translation>Only this orderId or paymentKey.</translation>
    </message>
    <message>
        <source>Only this merchant profile.</source>
        <translation>Only this merchant profile.</translation>
    </message>
    <message>
        <source>Only this status (DONE, WAITING_FOR_DEPOSIT, …).</source>
        <translation>Only this status (DONE, WAITING_FOR_DEPOSIT, …).</translation>
    </message>
    <message>
        <source>Only snapshots with a finding of this rule.</source>
        <translation>Only snapshots with a finding of this rule.</translation>
    </message>
    <message>
        <source>Captured at or after this time.</source>
        <translation>Captured at or after this time.</translation>
    </message>
    <message>
        <source>Captured before this time.</source>
        <translation>Captured before this time.</translation>
    </message>
    <message>
        <source>How many rows (50).</source>
        <translation>How many rows (50).</translation>
    </message>
    <message>
        <source>Name the folder to write to with --out.</source>
        <translation>Name the folder to write to with --out.</translation>
    </message>
    <message>
        <source>Keep each payment's answers as received, with its findings, as a snapshot in the evidence history (see paytriage-cli history --help).</source>
        <translation>Keep each payment's answers as received, with its findings, as a snapshot in the evidence history (see paytriage-cli history --help).</translation>
    </message>
    <message>
        <source>%1: kept as snapshot #%2 in %3</source>
        <translation>%1: kept as snapshot #%2 in %3</translation>
    </message>
    <message>
        <source>Keep every answer as received, with the findings, as a snapshot in the evidence history (see paytriage-cli history --help).</source>
        <translation>Keep every answer as received, with the findings, as a snapshot in the evidence history (see paytriage-cli history --help).</translation>
    </message>
    <message>
        <source>Nothing arrived, so nothing was kept in the evidence history.</source>
        <translation>Nothing arrived, so nothing was kept in the evidence history.</translation>
    </message>
    <message>
        <source>Give the period: --from and --to, as yyyy-MM-dd (KST days, both included).</source>
        <translation>Give the period: --from and --to, as yyyy-MM-dd (KST days, both included).</translation>
    </message>
    <message>
        <source>Cannot read the day "%1": write it as yyyy-MM-dd (a KST day).</source>
        <translation>Cannot read the day "%1": write it as yyyy-MM-dd (a KST day).</translation>
    </message>
    <message>
        <source>First KST day of the period, yyyy-MM-dd.</source>
        <translation>First KST day of the period, yyyy-MM-dd.</translation>
    </message>
    <message>
        <source>Last KST day of the period, yyyy-MM-dd (included).</source>
        <translation>Last KST day of the period, yyyy-MM-dd (included).</translation>
    </message>
    <message>
        <source>At most this many requests a second (default: no limit).</source>
        <translation>At most this many requests a second (default: no limit).</translation>
    </message>
    <message>
        <source>Records a page, 1 to 5000 (default 5000).</source>
        <translation>Records a page, 1 to 5000 (default 5000).</translation>
    </message>
    <message>
        <source>Payments listed, most severe first (default 50; the JSON has all).</source>
        <translation>Payments listed, most severe first (default 50; the JSON has all).</translation>
    </message>
    <message>
        <source>Transactions only.</source>
        <translation>Transactions only.</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to is before --from.</translation>
    </message>
    <message>
        <source>--page-size takes a whole number from 1 to 5000.</source>
        <translation>--page-size takes a whole number from 1 to 5000.</translation>
    </message>
    <message>
        <source>--rate takes a number of requests a second above 0.</source>
        <translation>--rate takes a number of requests a second above 0.</translation>
    </message>
    <message>
        <source>Scan of %1: %2 transactions and %3 settlement records of %4 payments, in %5 requests (%6 s)</source>
        <translation>Scan of %1: %2 transactions and %3 settlement records of %4 payments, in %5 requests (%6 s)</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) with findings</source>
        <translation>
            <numerusform>%n payment(s) with findings</numerusform>
            <numerusform>%n payment(s) with findings</numerusform>
        </translation>
    </message>
    <message>
        <source>  … and %1 more (--top, or --format json for all)</source>
        <translation>  … and %1 more (--top, or --format json for all)</translation>
    </message>
    <message>
        <source>  across the period (%1×): %2</source>
        <translation>  across the period (%1×): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) began before the period (their first record in it is a cancel) and were not judged across their records: their approval or deposit was not read. Look one up to see it whole.</source>
        <translation>
            <numerusform>%n payment(s) began before the period (their first record in it is a cancel) and were not judged across their records: their approval or deposit was not read. Look one up to see it whole.</numerusform>
            <numerusform>%n payment(s) began before the period (their first record in it is a cancel) and were not judged across their records: their approval or deposit was not read. Look one up to see it whole.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scan stopped after %1 pages: %2. What was read is reported above; run it again to read the whole period.</source>
        <translation>The scan stopped after %1 pages: %2. What was read is reported above; run it again to read the whole period.</translation>
    </message>
    <message>
        <source>The scan was stopped after %1 pages; what was read is reported above.</source>
        <translation>The scan was stopped after %1 pages; what was read is reported above.</translation>
    </message>
    <message>
        <source>Scan a merchant's period: every transaction and settlement record the provider lists for it, page by page (only the page in hand is kept), through every rule; the payments with findings ranked by severity. A page that fails is asked again from the paging cursor; Ctrl+C stops and reports what was read. Read-only. The secret key comes from the profile's keychain entry (--profile) or PAYTRIAGE_SECRET_KEY.</source>
        <translation>Scan a merchant's period: every transaction and settlement record the provider lists for it, page by page (only the page in hand is kept), through every rule; the payments with findings ranked by severity. A page that fails is asked again from the paging cursor; Ctrl+C stops and reports what was read. Read-only. The secret key comes from the profile's keychain entry (--profile) or PAYTRIAGE_SECRET_KEY.</translation>
    </message>
    <message>
        <source>No column "%1" in %2; its columns are: %3.</source>
        <translation>No column "%1" in %2; its columns are: %3.</translation>
    </message>
    <message>
        <source>A case report in Markdown, HTML or PDF: the summary, each finding with its explanation and advice, the timeline, and every raw body with its SHA-256, the lookup's time, profile and MID. Personal data and payment secrets are masked unless --unmasked is given; secret keys and credentials never appear.</source>
        <translation>A case report in Markdown, HTML or PDF: the summary, each finding with its explanation and advice, the timeline, and every raw body with its SHA-256, the lookup's time, profile and MID. Personal data and payment secrets are masked unless --unmasked is given; secret keys and credentials never appear.</translation>
    </message>
    <message>
        <source>Language of the report: ko or en.</source>
        <translation>Language of the report: ko or en.</translation>
    </message>
    <message>
        <source>md (default), html or pdf.</source>
        <translation>md (default), html or pdf.</translation>
    </message>
    <message>
        <source>Write the report to this file (a PDF needs one; default: standard output).</source>
        <translation>Write the report to this file (a PDF needs one; default: standard output).</translation>
    </message>
    <message>
        <source>The snapshot of the evidence history to report on (history list shows them).</source>
        <translation>The snapshot of the evidence history to report on (history list shows them).</translation>
    </message>
    <message>
        <source>The history --snapshot is read from (default: PAYTRIAGE_STORE, else the console's own).</source>
        <translation>The history --snapshot is read from (default: PAYTRIAGE_STORE, else the console's own).</translation>
    </message>
    <message>
        <source>Show personal data as received (an explicit choice; secret keys never).</source>
        <translation>Show personal data as received (an explicit choice; secret keys never).</translation>
    </message>
    <message>
        <source>--format takes md, html or pdf.</source>
        <translation>--format takes md, html or pdf.</translation>
    </message>
    <message>
        <source>A PDF is written to a file: name it with --out report.pdf.</source>
        <translation>A PDF is written to a file: name it with --out report.pdf.</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot #%1 written to %2 (%n file(s), the report and manifest.json).</source>
        <translation>
            <numerusform>Snapshot #%1 written to %2 (%n file(s), the report and manifest.json).</numerusform>
            <numerusform>Snapshot #%1 written to %2 (%n file(s), the report and manifest.json).</numerusform>
        </translation>
    </message>
    <message>
        <source>Verified: %1 files match the manifest of %2 (%3, captured %4).</source>
        <translation>Verified: %1 files match the manifest of %2 (%3, captured %4).</translation>
    </message>
    <message>
        <source>The evidence history: every snapshot kept (a lookup's answers as received, a paste, a file), newest first.
  history [list]      search it
  history show ID     one snapshot: its bodies (with SHA-256), provenance and findings
  history diff OLD NEW what changed between two snapshots of a payment
  history export ID   a case bundle: its bodies as stored, the report and manifest.json, into --out FOLDER
  history verify FOLDER every file of a bundle against its manifest</source>
        <translation>The evidence history: every snapshot kept (a lookup's answers as received, a paste, a file), newest first.
  history [list]      search it
  history show ID     one snapshot: its bodies (with SHA-256), provenance and findings
  history diff OLD NEW what changed between two snapshots of a payment
  history export ID   a case bundle: its bodies as stored, the report and manifest.json, into --out FOLDER
  history verify FOLDER every file of a bundle against its manifest</translation>
    </message>
    <message>
        <source>export: the folder to write the case bundle to.</source>
        <translation>export: the folder to write the case bundle to.</translation>
    </message>
    <message>
        <source>list (the default), show ID, diff OLD NEW, export ID --out FOLDER or verify FOLDER.</source>
        <translation>list (the default), show ID, diff OLD NEW, export ID --out FOLDER or verify FOLDER.</translation>
    </message>
    <message>
        <source>Use: history [list], history show ID, history diff OLD NEW, history export ID --out FOLDER or history verify FOLDER. See paytriage-cli history --help.</source>
        <translation>Use: history [list], history show ID, history diff OLD NEW, history export ID --out FOLDER or history verify FOLDER. See paytriage-cli history --help.</translation>
    </message>
    <message>
        <source>The history: an SQLite file, or postgresql://user@host:port/db?sslmode=… (its password from the keychain, as the console's Settings store it, else ~/.pgpass; never the command line). Default: PAYTRIAGE_STORE, else the console's own file.</source>
        <translation>The history: an SQLite file, or postgresql://user@host:port/db?sslmode=… (its password from the keychain, as the console's Settings store it, else ~/.pgpass; never the command line). Default: PAYTRIAGE_STORE, else the console's own file.</translation>
    </message>
    <message>
        <source>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  lookup ID        fetch a payment, its transactions and settlements, and analyse them
  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each
  scan             every transaction and settlement of a period (--from, --to), payments with findings ranked
  history          the evidence history: list, show ID, diff OLD NEW (analyze --record keeps a text)
  report           a case report (md, html, pdf) of a snapshot, a case bundle or a saved answer, masked
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command's options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed, 3 nothing recognised.
</source>
        <translation>Usage: paytriage-cli COMMAND [options]

Commands:
  analyze FILE|-   decode and analyse saved or pasted API responses
  lookup ID        fetch a payment, its transactions and settlements, and analyse them
  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each
  scan             every transaction and settlement of a period (--from, --to), payments with findings ranked
  history          the evidence history: list, show ID, diff OLD NEW (analyze --record keeps a text)
  report           a case report (md, html, pdf) of a snapshot, a case bundle or a saved answer, masked
  explain CODE...  what a Toss error code means, its causes, what to check, who acts
  catalog --path   where the catalog override file goes (--dump prints the catalog)

Run paytriage-cli COMMAND --help for a command's options.
Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed, 3 nothing recognised.
</translation>
    </message>
    <message>
        <source>A case bundle (history export's folder) to report on: verified against its manifest first.</source>
        <translation>A case bundle (history export's folder) to report on: verified against its manifest first.</translation>
    </message>
    <message>
        <source>A saved answer or pasted text to report on (- for standard input), instead of --snapshot.</source>
        <translation>A saved answer or pasted text to report on (- for standard input), instead of --snapshot.</translation>
    </message>
    <message>
        <source>Name what to report on: --snapshot ID, --case FOLDER, or one file.</source>
        <translation>Name what to report on: --snapshot ID, --case FOLDER, or one file.</translation>
    </message>
    <message>
        <source>%1 is not a case bundle: it has no manifest.json.</source>
        <translation>%1 is not a case bundle: it has no manifest.json.</translation>
    </message>
    <message>
        <source>%1 does not verify against its manifest: %2</source>
        <translation>%1 does not verify against its manifest: %2</translation>
    </message>
    <message>
        <source>From the case bundle %1, verified against its manifest</source>
        <translation>From the case bundle %1, verified against its manifest</translation>
    </message>
    <message>
        <source>From the case bundle %1, which does NOT verify: %2</source>
        <translation>From the case bundle %1, which does NOT verify: %2</translation>
    </message>
    <message>
        <source>Standard input holds more than %1 MB: too large for a case report.</source>
        <translation>Standard input holds more than %1 MB: too large for a case report.</translation>
    </message>
    <message>
        <source>No answer could be read as JSON: the report shows them as kept, and nothing was checked.</source>
        <translation>No answer could be read as JSON: the report shows them as kept, and nothing was checked.</translation>
    </message>
    <message>
        <source>Where each payment's transactions wait on disk to be weighed together (default: the user's cache folder); some 170 bytes a transaction while the scan runs, removed after.</source>
        <translation>Where each payment's transactions wait on disk to be weighed together (default: the user's cache folder); some 170 bytes a transaction while the scan runs, removed after.</translation>
    </message>
    <message>
        <source>weighing each payment's records together: part %1 of %2, %3 payments, %4 findings so far</source>
        <translation>weighing each payment's records together: part %1 of %2, %3 payments, %4 findings so far</translation>
    </message>
    <message>
        <source>Also write the table as a report: Markdown, HTML or PDF, by the file's suffix (.md, .html, .pdf).</source>
        <translation>Also write the table as a report: Markdown, HTML or PDF, by the file's suffix (.md, .html, .pdf).</translation>
    </message>
    <message>
        <source>  kept by PayTriage %1, judged by catalog %2</source>
        <translation>  kept by PayTriage %1, judged by catalog %2</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>%1 pages, %2 transactions, %3 settlement records, about %4 payments, %5 findings so far</source>
        <translation>%1 pages, %2 transactions, %3 settlement records, about %4 payments, %5 findings so far</translation>
    </message>
</context>
<context>
    <name>paytriage::gui</name>
    <message>
        <source>PayTriage: a support console for the Toss Payments API.</source>
        <translation>PayTriage: a support console for the Toss Payments API.</translation>
    </message>
    <message>
        <source>Start the local Toss API sandbox and show its scenarios.</source>
        <translation>Start the local Toss API sandbox and show its scenarios.</translation>
    </message>
    <message>
        <source>Language of the interface: ko or en.</source>
        <translation>Language of the interface: ko or en.</translation>
    </message>
    <message>
        <source>Save screenshots of the demo in both languages to DIR, then exit.</source>
        <translation>Save screenshots of the demo in both languages to DIR, then exit.</translation>
    </message>
    <message>
        <source>JSON files to analyse.</source>
        <translation>JSON files to analyse.</translation>
    </message>
    <message>
        <source>Unknown language "%1": use ko or en.</source>
        <translation>Unknown language "%1": use ko or en.</translation>
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
