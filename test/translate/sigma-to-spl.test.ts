import { describe, expect, it } from "vitest";
import { toSpl } from "../helpers/sigma.js";

/**
 * Each rendering rule of Sigma → SPL, on a one-selection rule with profile `none`: what the search command
 * can state exactly stays in the search; the rest goes to a `where` and is never widened.
 */
describe("Sigma → SPL rendering rules", () => {
  it.each([
    ["in list", "    sel:\n        Image|endswith:\n            - '\\cmd.exe'\n            - '\\powershell.exe'\n    condition: sel", "Image IN (\"*\\\\cmd.exe\", \"*\\\\powershell.exe\")", []],
    ["escapes", "    sel:\n        CommandLine: 'say \"hi\" C:\\Windows\\'\n    condition: sel", "CommandLine=\"say \\\"hi\\\" C:\\\\Windows\\\\\"", []],
    ["one char", "    sel:\n        Image: 'prog?.exe'\n    condition: sel", "* | where match('Image', \"(?si)^prog.\\\\.exe$\")", []],
    ["literal star", "    sel:\n        Image: 'a\\*b'\n    condition: sel", "* | where match('Image', \"(?si)^a\\\\*b$\")", []],
    ["re flags", "    sel:\n        CommandLine|re|i: 'evil\\d+'\n    condition: sel", "* | where match('CommandLine', \"(?i)evil\\\\d+\")", []],
    ["re under or", "    a:\n        User: admin\n    b:\n        CommandLine|re: '^x.*y$'\n    condition: a or b", "* | where match('User', \"(?si)^admin$\") OR match('CommandLine', \"^x.*y$\")", []],
    ["re under not", "    a:\n        User: admin\n    b:\n        CommandLine|re: 'x'\n    condition: a and not b", "User=\"admin\" | where isnull('CommandLine') OR NOT match('CommandLine', \"x\")", []],
    ["cidr4", "    sel:\n        DestinationIp|cidr:\n            - '10.0.0.0/8'\n            - '192.168.0.0/16'\n    condition: sel", "DestinationIp=\"10.0.0.0/8\" OR DestinationIp=\"192.168.0.0/16\"", []],
    ["cidr6", "    sel:\n        DestinationIp|cidr: 'fe80::/10'\n    condition: sel", "DestinationIp=\"fe80::/10\"", []],
    ["cased", "    sel:\n        CommandLine|cased: 'Evil'\n    condition: sel", "* | where match('CommandLine', \"(?s)^Evil$\")", []],
    ["exists", "    sel:\n        User|exists: true\n        Mail|exists: false\n    condition: sel", "User=* NOT Mail=*", []],
    ["null", "    sel:\n        User: null\n    condition: sel", "NOT User=*", []],
    ["neq", "    sel:\n        User|neq:\n            - a\n            - b\n    condition: sel", "NOT User IN (\"a\", \"b\")", []],
    ["not missing", "    sel:\n        User: admin\n    condition: not sel", "NOT User=\"admin\"", []],
    ["fieldref", "    sel:\n        User|fieldref: TargetUser\n    condition: sel", "* | where lower('User')==lower('TargetUser')", []],
    ["fieldref starts", "    sel:\n        User|fieldref|startswith: TargetUser\n    condition: sel", "* | where substr(lower('User'), 1, len('TargetUser'))==lower('TargetUser')", []],
    ["numbers", "    sel:\n        EventID: 4688\n        Size|gte: 100\n        Count|lt: 5\n    condition: sel", "EventID=4688 Size>=100 Count<5", []],
    ["keywords", "    keywords:\n        - evil\n        - 'bad*thing'\n    condition: keywords", "\"evil\" OR \"bad*thing\"", ["TR2001", "TR2001"]],
    ["windash", "    sel:\n        CommandLine|windash|contains: ' -enc '\n    condition: sel", "CommandLine IN (\"* -enc *\", \"* /enc *\", \"* –enc *\", \"* —enc *\", \"* ―enc *\")", []],
    ["base64offset", "    sel:\n        CommandLine|base64offset|contains: '/bin/bash'\n    condition: sel", "CommandLine IN (\"*L2Jpbi9iYXNo*\", \"*9iaW4vYmFza*\", \"*vYmluL2Jhc2*\")", []],
    ["utf16", "    sel:\n        CommandLine|utf16|base64: 'cmd'\n    condition: sel", "CommandLine=\"77u/YwBtAGQA\"", []],
    ["expand missing", "    sel:\n        User|expand: '%admins%'\n    condition: sel", "* | where false()", ["TR1003"]],
    ["all", "    sel:\n        CommandLine|contains|all:\n            - a\n            - b\n    condition: sel", "CommandLine=\"*a*\" CommandLine=\"*b*\"", []],
    ["one of", "    sel1:\n        a: 1\n    sel2:\n        b: 2\n    filter:\n        c: 3\n    condition: 1 of sel* and not filter", "(a=1 OR b=2) NOT c=3", []],
    ["minute", "    sel:\n        Time|minute|gt: 30\n    condition: sel", "* | where tonumber(strftime('Time', \"%M\"))>30", ["TR2003"]],
  ])("%s", (_name, detection, spl, losses) => {
    expect(toSpl(detection)).toEqual({ spl, losses });
  });

  it("expands placeholders from the given values", () => {
    expect(toSpl("    sel:\n        User|expand: '%admins%'\n    condition: sel", "none", { admins: ["root", "admin"] })).toEqual({
      spl: 'User IN ("root", "admin")',
      losses: [],
    });
  });

  it("maps EventID to EventCode and adds the logsource prefix of the profile", () => {
    const detection = "    sel:\n        EventID: 4688\n    condition: sel";
    expect(toSpl(detection, "splunk-windows").spl).toBe("EventCode=4688");
    expect(toSpl(detection, "sysmon").spl).toBe("`sysmon` EventCode=1 EventCode=4688");
  });
});
