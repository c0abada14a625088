/// The records, their decoder and the time types are part of this module's API.
@_exported import QualityAIDecoding
