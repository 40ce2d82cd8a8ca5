//! Every claim of both source articles can be found with `search`, on the role it concerns.
//! Each entry is a claim, a text that any fact stating it must contain, and the role.

use super::json_of;

const CLAIMS: &[(&str, &str, &str)] = &[
    // brief: the two roles
    (
        "two technical executive roles in most firms",
        "most firms",
        "cio",
    ),
    ("the posts may be combined into one", "single post", "cio"),
    ("expectations have changed", "expectations", "cio"),
    (
        "technical leaders attend board meetings",
        "board meetings",
        "cio",
    ),
    (
        "they build teams to run the technology footprint",
        "footprint",
        "cto",
    ),
    (
        "CIO often reports to the CEO",
        "reports directly to the CEO",
        "cio",
    ),
    (
        "CIO is in charge of enterprise-level IT systems",
        "enterprise-level",
        "cio",
    ),
    (
        "CIO emphasises business, user, communication channels",
        "communication channels",
        "cio",
    ),
    ("CIO systems are used by staff", "staff", "cio"),
    (
        "CIO recently gained customer-facing systems",
        "customer-facing",
        "cio",
    ),
    (
        "CIO shares responsibility for products for third parties",
        "third parties",
        "cio",
    ),
    (
        "the external product stack is not the CIO's",
        "technology stack",
        "cio",
    ),
    (
        "CIOs are frequently in charge of security",
        "frequently in charge",
        "cio",
    ),
    (
        "CIO needs business and technology background",
        "business and technology",
        "cio",
    ),
    (
        "CTO pursues trials that help the bottom line",
        "bottom line",
        "cto",
    ),
    (
        "many CTOs have a computer science background",
        "computer science",
        "cto",
    ),
    ("many CTOs learnt on the job", "on the job", "cto"),
    ("some CTOs lack degrees", "degree", "cto"),
    (
        "CTO works with customers and external stakeholders",
        "external stakeholders",
        "cto",
    ),
    ("CTO duties and seniority vary", "seniority", "cto"),
    (
        "some CTOs lead technical or product teams",
        "product teams",
        "cto",
    ),
    (
        "in some firms the CTO reports to the CIO",
        "reports to the cio",
        "cto",
    ),
    // guide: CTO
    ("CTO sets technology strategy and roadmap", "roadmap", "cto"),
    (
        "CTO fosters a culture of innovation",
        "culture of innovation",
        "cto",
    ),
    (
        "CTO leads engineers and cross-functional teams",
        "cross-functional",
        "cto",
    ),
    (
        "CTO budgets and allocates resources",
        "budgets for technology",
        "cto",
    ),
    ("CTO prioritises cybersecurity", "cybersecurity", "cto"),
    (
        "CTO oversees research and development",
        "research and development",
        "cto",
    ),
    (
        "CTO manages technology infrastructure",
        "infrastructure",
        "cto",
    ),
    (
        "CTO e-commerce: website and secure payments",
        "payment",
        "cto",
    ),
    (
        "CTO healthcare: EHR systems",
        "electronic health record",
        "cto",
    ),
    ("CTO manufacturing: Industry 4.0", "Industry 4.0", "cto"),
    (
        "CTO financial: mobile banking apps",
        "mobile banking",
        "cto",
    ),
    (
        "CTO generally reports to the CEO",
        "generally reports",
        "cto",
    ),
    ("CTO works on long-term planning", "long-term", "cto"),
    // guide: CIO
    (
        "CIO is called the guardian of information",
        "guardian",
        "cio",
    ),
    ("CIO heads the IT department", "IT department", "cio"),
    ("CIO does strategic planning", "IT strategy", "cio"),
    (
        "CIO manages IT operations and service levels",
        "service-level",
        "cio",
    ),
    (
        "CIO manages vendors and negotiates contracts",
        "contracts",
        "cio",
    ),
    (
        "CIO drives digital transformation with AI, cloud, big data",
        "artificial intelligence",
        "cio",
    ),
    (
        "CIO sets data governance, quality and privacy policies",
        "data quality",
        "cio",
    ),
    (
        "CIO works with the Chief Data Officer",
        "Chief Data Officer",
        "cio",
    ),
    (
        "CIO keeps information available, intact, confidential",
        "confidential",
        "cio",
    ),
    (
        "CIO oversees software development",
        "software development",
        "cio",
    ),
    (
        "CIO healthcare: clinical outcomes",
        "clinical outcomes",
        "cio",
    ),
    ("CIO manufacturing: ERP", "ERP", "cio"),
    (
        "CIO financial services: data analytics against risk",
        "reduce risks",
        "cio",
    ),
    ("CIO often reports to the CFO", "CFO", "cio"),
    ("CIO may report to the CTO", "report to the CTO", "cio"),
    // guide: collaboration
    ("collaboration avoids silos", "silos", "cio"),
    (
        "overlap in digital transformation initiatives",
        "digital transformation initiatives",
        "cio",
    ),
    (
        "overlap in implementing technology",
        "implementing technology",
        "cio",
    ),
    (
        "data security and privacy together",
        "data security and privacy",
        "cio",
    ),
];

#[test]
fn every_claim_of_the_sources_is_found_on_its_role() {
    let mut missing = Vec::new();
    for (claim, text, role) in CLAIMS {
        let results = json_of(&["search", text]);
        let found = results["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|hits| hits["role"] == *role);
        if !found {
            missing.push(format!("{claim}: no {role} fact mentions {text:?}"));
        }
    }
    assert!(
        missing.is_empty(),
        "claims not found:\n{}",
        missing.join("\n")
    );
}
